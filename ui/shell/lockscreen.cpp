#include "shell/lockscreen.h"

#include "auth/authservice.h"
#include "shell/appicon.h"
#include "widgets/formwidgets.h"

#include <QApplication>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

LockScreen::LockScreen(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_title(new QLabel(this))
    , m_who(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_error(createErrorLabel(u"unlockErrorLabel"_s, this))
    , m_unlock(new QPushButton(this))
    , m_signOff(new QPushButton(this))
{
    setObjectName(u"lockScreen"_s);

    auto* logo = new QLabel(this);
    logo->setPixmap(applicationIcon().pixmap(72, 72));
    logo->setAlignment(Qt::AlignCenter);

    setTitleFont(m_title, 1.5);
    m_title->setAlignment(Qt::AlignCenter);
    m_who->setAlignment(Qt::AlignCenter);
    m_who->setWordWrap(true);
    m_who->setTextFormat(Qt::PlainText);

    m_password->setObjectName(u"unlockPasswordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);

    m_unlock->setObjectName(u"unlockButton"_s);
    m_unlock->setDefault(true);
    m_signOff->setObjectName(u"lockSignOffButton"_s);

    auto* form = new QFormLayout;
    form->addRow(m_passwordLabel, m_password);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_signOff);
    buttons->addWidget(m_unlock);

    auto* panel = new QFrame(this);
    panel->setObjectName(u"lockPanel"_s);
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setBackgroundRole(QPalette::Base);
    panel->setAutoFillBackground(true);
    panel->setMinimumWidth(380);
    panel->setMaximumWidth(480);
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(24, 20, 24, 20);
    panelLayout->setSpacing(10);
    panelLayout->addWidget(logo);
    panelLayout->addWidget(m_title);
    panelLayout->addWidget(m_who);
    panelLayout->addSpacing(6);
    panelLayout->addLayout(form);
    panelLayout->addWidget(m_error);
    panelLayout->addLayout(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(panel, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    setTabChain({m_password, m_unlock, m_signOff});

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(m_signOff, &QPushButton::clicked, this, &LockScreen::signOffRequested);

    retranslateUi();
}

void LockScreen::prepare()
{
    m_password->clear();
    m_error->clear();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::tryUnlock()
{
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const Status confirmed = AuthService(m_db).confirm(m_session, m_password->text());
    QApplication::restoreOverrideCursor();
    m_password->clear();
    if (!confirmed) {
        m_error->setText(confirmed.error().message);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_error->clear();
    emit unlocked();
}

void LockScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LockScreen::retranslateUi()
{
    m_title->setText(tr("Terminal locked"));
    m_who->setText(tr("Signed in: %1 (%2). Enter the password to resume.")
                       .arg(m_session.fullName, m_session.login));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setAccessibleName(tr("Password"));
    m_unlock->setText(tr("&Unlock"));
    m_unlock->setToolTip(tr("Resume the session (Enter)"));
    m_signOff->setText(tr("&Sign off"));
    m_signOff->setToolTip(tr("End this session and return to the sign-in screen"));
}

} // namespace cs::ui
