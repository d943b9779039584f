#include "cards/onscreenpinpad.h"

#include <QApplication>
#include <QCloseEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

constexpr int kKeySize = 64;

// Zeroes a buffer in a way the compiler may not drop as a dead store.
template <std::size_t N>
void wipe(std::array<char, N>& buffer)
{
    volatile char* bytes = buffer.data();
    for (std::size_t i = 0; i < N; ++i)
        bytes[i] = 0;
}

QPushButton* createKey(const QString& objectName, QWidget* parent)
{
    auto* key = new QPushButton(parent);
    key->setObjectName(objectName);
    // The keyboard stays with the window, so typed digits and Enter reach it whichever key was clicked.
    key->setFocusPolicy(Qt::NoFocus);
    key->setAutoDefault(false);
    key->setMinimumSize(kKeySize + 16, kKeySize);
    QFont font = key->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    key->setFont(font);
    return key;
}

} // namespace

// The customer's window. It belongs to no teller window: on a second screen it stands alone, and a
// dialog that is modal for the teller's window does not block it.
class PinPadWindow final : public QWidget {
    OnScreenPinPad* m_pad;

public:
    explicit PinPadWindow(OnScreenPinPad* pad)
        : QWidget(nullptr, Qt::Window | Qt::WindowStaysOnTopHint | Qt::WindowTitleHint | Qt::CustomizeWindowHint)
        , m_pad(pad)
        , prompt(new QLabel(this))
        , step(new QLabel(this))
        , dots(new QLabel(this))
        , timeLeft(new QLabel(this))
    {
        setObjectName(u"pinPadWindow"_s);
        setAttribute(Qt::WA_DeleteOnClose, false);
        setWindowTitle(OnScreenPinPad::tr("PIN pad"));
        setFocusPolicy(Qt::StrongFocus);

        prompt->setObjectName(u"pinPadPrompt"_s);
        prompt->setTextFormat(Qt::PlainText);
        prompt->setWordWrap(true);
        prompt->setAlignment(Qt::AlignCenter);
        QFont promptFont = prompt->font();
        promptFont.setPointSizeF(promptFont.pointSizeF() * 1.3);
        promptFont.setBold(true);
        prompt->setFont(promptFont);

        step->setObjectName(u"pinPadStep"_s);
        step->setTextFormat(Qt::PlainText);
        step->setWordWrap(true);
        step->setAlignment(Qt::AlignCenter);

        dots->setObjectName(u"pinPadDots"_s);
        dots->setTextFormat(Qt::PlainText);
        dots->setAlignment(Qt::AlignCenter);
        QFont dotsFont = dots->font();
        dotsFont.setPointSizeF(dotsFont.pointSizeF() * 2.6);
        dots->setFont(dotsFont);
        dots->setMinimumHeight(dots->fontMetrics().height() + 12);

        timeLeft->setObjectName(u"pinPadTimeLeft"_s);
        timeLeft->setTextFormat(Qt::PlainText);
        timeLeft->setAlignment(Qt::AlignCenter);
        timeLeft->setForegroundRole(QPalette::PlaceholderText);

        auto* keys = new QGridLayout;
        keys->setSpacing(8);
        for (int digit = 0; digit <= 9; ++digit) {
            QPushButton* key = createKey(u"pinKey_%1"_s.arg(digit), this);
            key->setText(QString::number(digit));
            const char typed = static_cast<char>('0' + digit);
            connect(key, &QPushButton::clicked, this, [this, typed] { m_pad->typeDigit(typed); });
            if (digit == 0)
                keys->addWidget(key, 3, 1);
            else
                keys->addWidget(key, (digit - 1) / 3, (digit - 1) % 3);
        }
        clearKey = createKey(u"pinKeyClear"_s, this);
        connect(clearKey, &QPushButton::clicked, this, [this] { m_pad->clear(); });
        keys->addWidget(clearKey, 3, 0);
        backspaceKey = createKey(u"pinKeyBackspace"_s, this);
        connect(backspaceKey, &QPushButton::clicked, this, [this] { m_pad->backspace(); });
        keys->addWidget(backspaceKey, 3, 2);

        cancelKey = createKey(u"pinKeyCancel"_s, this);
        connect(cancelKey, &QPushButton::clicked, this, [this] { m_pad->finish(false); });
        okKey = createKey(u"pinKeyOk"_s, this);
        connect(okKey, &QPushButton::clicked, this, [this] { m_pad->confirm(); });
        auto* ends = new QHBoxLayout;
        ends->setSpacing(8);
        ends->addWidget(cancelKey);
        ends->addWidget(okKey);

        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(28, 24, 28, 20);
        layout->setSpacing(12);
        layout->addWidget(prompt);
        layout->addWidget(step);
        layout->addWidget(dots);
        layout->addLayout(keys);
        layout->addLayout(ends);
        layout->addWidget(timeLeft);

        retranslate();
    }

    void retranslate()
    {
        setWindowTitle(OnScreenPinPad::tr("PIN pad"));
        clearKey->setText(OnScreenPinPad::tr("Clear"));
        clearKey->setAccessibleName(OnScreenPinPad::tr("Clear all digits"));
        backspaceKey->setText(u"⌫"_s);
        backspaceKey->setAccessibleName(OnScreenPinPad::tr("Delete the last digit"));
        cancelKey->setText(OnScreenPinPad::tr("Cancel"));
        okKey->setText(OnScreenPinPad::tr("OK"));
    }

    QLabel* prompt;
    QLabel* step;
    QLabel* dots;
    QLabel* timeLeft;
    QPushButton* clearKey = nullptr;
    QPushButton* backspaceKey = nullptr;
    QPushButton* cancelKey = nullptr;
    QPushButton* okKey = nullptr;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        const int key = event->key();
        if (key >= Qt::Key_0 && key <= Qt::Key_9) {
            m_pad->typeDigit(static_cast<char>('0' + (key - Qt::Key_0)));
        } else if (key == Qt::Key_Backspace) {
            m_pad->backspace();
        } else if (key == Qt::Key_Delete) {
            m_pad->clear();
        } else if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_pad->confirm();
        } else if (key == Qt::Key_Escape) {
            m_pad->finish(false);
        } else {
            QWidget::keyPressEvent(event);
            return;
        }
        event->accept();
    }

    void closeEvent(QCloseEvent* event) override
    {
        // Closing the window is the customer's cancel.
        if (m_pad->busy()) {
            event->ignore();
            m_pad->finish(false);
            return;
        }
        QWidget::closeEvent(event);
    }

    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }

};

OnScreenPinPad::OnScreenPinPad(QObject* parent)
    : PinPad(parent)
    , m_timer(new QTimer(this))
    , m_ticker(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { finish(false); });
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &OnScreenPinPad::showEntry);
}

OnScreenPinPad::~OnScreenPinPad()
{
    wipeDigits();
    m_first.wipe();
    delete m_window.data();
}

QWidget* OnScreenPinPad::window() const
{
    return m_window.data();
}

void OnScreenPinPad::request(Purpose purpose, const QString& prompt, Done done)
{
    if (busy()) {
        // One request at a time: the second is answered at once as not entered.
        if (done)
            done(Entry{});
        return;
    }
    m_purpose = purpose;
    m_prompt = prompt;
    m_done = std::move(done);
    m_confirming = false;
    wipeDigits();
    m_first.wipe();
    if (!m_window)
        m_window = new PinPadWindow(this);
    placeWindow();
    showEntry();
    restartTimeout();
    m_ticker->start();
    m_window->raise();
    m_window->activateWindow();
    m_window->setFocus(Qt::OtherFocusReason);
}

void OnScreenPinPad::placeWindow()
{
    // The customer's screen is one the teller's window is not on; with one screen the pad comes up
    // over the teller's window, centred.
    QScreen* tellerScreen = nullptr;
    if (QWidget* teller = QApplication::activeWindow(); teller && teller != m_window)
        tellerScreen = teller->screen();
    if (!tellerScreen)
        tellerScreen = QGuiApplication::primaryScreen();
    QScreen* customerScreen = nullptr;
    for (QScreen* screen : QGuiApplication::screens()) {
        if (screen != tellerScreen) {
            customerScreen = screen;
            break;
        }
    }
    if (customerScreen) {
        m_window->setScreen(customerScreen);
        m_window->setGeometry(customerScreen->availableGeometry());
        m_window->showFullScreen();
        return;
    }
    m_window->adjustSize();
    if (tellerScreen) {
        const QRect area = tellerScreen->availableGeometry();
        QRect frame(QPoint(0, 0), m_window->size());
        frame.moveCenter(area.center());
        m_window->move(frame.topLeft());
    }
    m_window->showNormal();
}

void OnScreenPinPad::cancel()
{
    if (busy())
        finish(false);
}

void OnScreenPinPad::typeDigit(char digit)
{
    if (!busy() || m_count >= pinLength)
        return;
    m_digits[static_cast<std::size_t>(m_count++)] = digit;
    restartTimeout();
    showEntry();
}

void OnScreenPinPad::backspace()
{
    if (!busy() || m_count == 0)
        return;
    m_digits[static_cast<std::size_t>(--m_count)] = 0;
    restartTimeout();
    showEntry();
}

void OnScreenPinPad::clear()
{
    if (!busy())
        return;
    wipeDigits();
    restartTimeout();
    showEntry();
}

void OnScreenPinPad::confirm()
{
    if (!busy() || m_count != pinLength)
        return;
    if (m_purpose == Purpose::NewPin && !m_confirming) {
        m_first = SecureBytes(QByteArray(m_digits.data(), pinLength));
        wipeDigits();
        m_confirming = true;
        restartTimeout();
        showEntry();
        return;
    }
    finish(true);
}

void OnScreenPinPad::finish(bool entered)
{
    if (!busy())
        return;
    Entry entry;
    entry.entered = entered;
    if (entered) {
        SecureBytes typed(QByteArray(m_digits.data(), pinLength));
        if (m_purpose == Purpose::NewPin) {
            entry.pin = std::move(m_first);
            entry.confirmation = std::move(typed);
        } else {
            entry.pin = std::move(typed);
        }
    }
    wipeDigits();
    m_first.wipe();
    m_confirming = false;
    m_timer->stop();
    m_ticker->stop();
    // The state is reset before `done` runs, so that it may ask for the next PIN at once.
    Done done = std::move(m_done);
    m_done = nullptr;
    m_prompt.clear();
    if (m_window) {
        m_window->prompt->clear();
        m_window->dots->clear();
        m_window->hide();
    }
    if (done)
        done(std::move(entry));
}

void OnScreenPinPad::restartTimeout()
{
    m_timer->start(m_timeout);
}

void OnScreenPinPad::wipeDigits()
{
    wipe(m_digits);
    m_count = 0;
}

void OnScreenPinPad::showEntry()
{
    if (!m_window)
        return;
    m_window->prompt->setText(m_prompt);
    if (m_purpose == Purpose::NewPin) {
        m_window->step->setText(m_confirming ? tr("Enter the same 6 digits again to confirm, then OK.")
                                             : tr("Choose 6 digits, then OK. Do not use 123456 or six equal digits."));
    } else {
        m_window->step->setText(tr("Enter your 6-digit PIN, then OK."));
    }
    // A filled dot for each digit typed, a hollow one for each still to come: never the digit.
    QString shown;
    for (int i = 0; i < pinLength; ++i) {
        if (i > 0)
            shown += u' ';
        shown += i < m_count ? u'●' : u'○';
    }
    m_window->dots->setText(shown);
    m_window->okKey->setEnabled(m_count == pinLength);
    const int seconds = m_timer->isActive() ? (m_timer->remainingTime() + 999) / 1000
                                            : static_cast<int>((m_timeout.count() + 999) / 1000);
    m_window->timeLeft->setText(tr("Cancelled in %n second(s) without a key.", nullptr, seconds));
}

} // namespace cs::ui
