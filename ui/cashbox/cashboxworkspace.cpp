#include "cashbox/cashboxworkspace.h"

#include "shell/workspaces.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"
#include "widgets/pageaction.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHideEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

const QString actionOpen = u"cashbox.open"_s;
const QString actionTransfer = u"cashbox.transfer"_s;
const QString actionCount = u"cashbox.count"_s;
const QString actionClose = u"cashbox.close"_s;

} // namespace

CashBoxWorkspace::CashBoxWorkspace(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_figures(new QGroupBox(this))
    , m_grid(new QGridLayout)
    , m_message(createMessageLabel(u"cashBoxMessage"_s, this))
{
    setObjectName(workspaceKey(Workspace::CashBox) + u"Page"_s);
    if (auto permitted = PermittedActions::load(m_db, m_session.role))
        m_permitted = std::move(*permitted);

    m_title->setObjectName(u"workspaceTitle"_s);
    setTitleFont(m_title, 1.6);
    m_state->setObjectName(u"cashBoxState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    setTitleFont(m_state, 1.15);

    m_figures->setObjectName(u"cashBoxFigures"_s);
    for (const QString& key : {u"opening"_s, u"in"_s, u"out"_s, u"expected"_s, u"counted"_s, u"difference"_s,
                               u"transactions"_s})
        addValue(key, static_cast<int>(m_values.size()));
    m_grid->setColumnMinimumWidth(1, fontMetrics().horizontalAdvance(u"000,000,000.00"_s) + 24);
    m_grid->setColumnStretch(2, 1);
    m_grid->setHorizontalSpacing(16);
    m_grid->setVerticalSpacing(6);
    m_figures->setLayout(m_grid);

    m_openAction = createAction(u"openCashBoxAction"_s, QKeySequence(Qt::Key_F2), &CashBoxWorkspace::openBox);
    m_takeAction = createAction(u"takeFromVaultAction"_s, QKeySequence(Qt::Key_F3), &CashBoxWorkspace::takeFromVault);
    m_returnAction =
        createAction(u"returnToVaultAction"_s, QKeySequence(Qt::Key_F4), &CashBoxWorkspace::returnToVault);
    m_countAction = createAction(u"countCashBoxAction"_s, QKeySequence(Qt::Key_F7), &CashBoxWorkspace::countBox);
    m_closeAction = createAction(u"closeCashBoxAction"_s, QKeySequence(Qt::Key_F8), &CashBoxWorkspace::closeBox);
    m_refreshAction = createAction(u"refreshCashBoxAction"_s, QKeySequence(Qt::Key_F5), &CashBoxWorkspace::refresh);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(createActionButton(m_openAction, u"openCashBoxButton"_s, this));
    buttons->addWidget(createActionButton(m_takeAction, u"takeFromVaultButton"_s, this));
    buttons->addWidget(createActionButton(m_returnAction, u"returnToVaultButton"_s, this));
    buttons->addSpacing(12);
    buttons->addWidget(createActionButton(m_countAction, u"countCashBoxButton"_s, this));
    buttons->addWidget(createActionButton(m_closeAction, u"closeCashBoxButton"_s, this));
    buttons->addStretch(1);
    buttons->addWidget(createActionButton(m_refreshAction, u"refreshCashBoxButton"_s, this));

    auto* figuresRow = new QHBoxLayout;
    figuresRow->addWidget(m_figures);
    figuresRow->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 14, 12, 6);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addLayout(buttons);
    layout->addLayout(figuresRow);
    layout->addStretch(1);
    layout->addWidget(m_message);

    retranslateUi();
    refresh();
}

QAction* CashBoxWorkspace::createAction(const QString& name, const QKeySequence& shortcut,
                                        void (CashBoxWorkspace::*slot)())
{
    QAction* action = createPageAction(this, name, shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

QLabel* CashBoxWorkspace::addValue(const QString& key, int row)
{
    auto* label = new QLabel(m_figures);
    auto* value = new QLabel(m_figures);
    value->setObjectName(u"cashBoxValue_"_s + key);
    value->setTextFormat(Qt::PlainText);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    value->setFont(font);
    if (key == u"expected") {
        font.setBold(true);
        value->setFont(font);
    }
    m_grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->addWidget(value, row, 1);
    m_values.append(qMakePair(label, value));
    m_keys.append(key);
    return value;
}

QString CashBoxWorkspace::messageText() const
{
    return m_message->text();
}

void CashBoxWorkspace::showMessage(const QString& text, bool error)
{
    setMessage(m_message, text, error);
}

void CashBoxWorkspace::refresh()
{
    QApplication::setOverrideCursor(Qt::BusyCursor);
    auto current = CashBoxService(m_db).current(m_session);
    QApplication::restoreOverrideCursor();
    if (current) {
        m_box = std::move(*current);
    } else {
        m_box.reset();
        showMessage(current.error().message, true);
    }
    showBox();
    updateActions();
}

void CashBoxWorkspace::showBox()
{
    const auto set = [this](const QString& key, const QString& text, bool error = false) {
        QLabel* value = m_values.at(m_keys.indexOf(key)).second;
        value->setText(text);
        QPalette palette = m_figures->palette();
        if (error)
            palette.setColor(QPalette::WindowText, errorColor());
        value->setPalette(palette);
    };
    const QString none = u"—"_s;
    if (!m_box || m_box->state == u"none") {
        m_state->setText(m_box ? tr("No cash box today (%1). Open one with cash from the vault (F2).")
                                     .arg(m_box->businessDate.toString(u"yyyy-MM-dd"))
                               : QString());
        for (const QString& key : std::as_const(m_keys))
            set(key, none);
        return;
    }
    const CashBoxView& b = *m_box;
    const QString date = b.businessDate.toString(u"yyyy-MM-dd");
    if (b.state == u"open")
        m_state->setText(tr("Open since %1, business date %2.").arg(b.openedAt.toLocalTime().toString(u"HH:mm"), date));
    else if (b.state == u"closed")
        m_state->setText(tr("Closed at %1, business date %2.").arg(b.closedAt.toLocalTime().toString(u"HH:mm"), date));
    else
        m_state->setText(b.state);
    set(u"opening"_s, moneyText(b.opening));
    set(u"in"_s, moneyText(b.cashIn));
    set(u"out"_s, moneyText(b.cashOut));
    set(u"expected"_s, moneyText(b.expected));
    set(u"counted"_s, b.counted ? moneyText(*b.counted) : tr("not counted"));
    if (!b.counted) {
        set(u"difference"_s, none);
    } else {
        const qint64 gap = b.difference.minor();
        const QString size = moneyText(Money(gap < 0 ? -gap : gap, b.difference.currency()));
        set(u"difference"_s, gap == 0 ? tr("balanced") : gap > 0 ? tr("%1 over").arg(size) : tr("%1 short").arg(size),
            gap != 0);
    }
    set(u"transactions"_s, QString::number(b.transactions));
}

void CashBoxWorkspace::updateActions()
{
    const bool open = m_box && m_box->state == u"open";
    m_openAction->setEnabled(m_box && !open && m_permitted.allows(actionOpen));
    m_takeAction->setEnabled(open && m_permitted.allows(actionTransfer));
    m_returnAction->setEnabled(open && m_permitted.allows(actionTransfer));
    m_countAction->setEnabled(open && m_permitted.allows(actionCount));
    m_closeAction->setEnabled(open && m_permitted.allows(actionClose));
}

void CashBoxWorkspace::openDialog(CashBoxDialog::Kind kind, const QAction* action)
{
    if (!action->isEnabled() || !m_box)
        return;
    showMessage({}, false);
    auto* dialog = new CashBoxDialog(m_db, m_session, kind, *m_box, this);
    connect(dialog, &CashBoxDialog::succeeded, this, [this](const QString& message) {
        refresh();
        showMessage(message, false);
    });
    dialog->open();
}

void CashBoxWorkspace::openBox()
{
    openDialog(CashBoxDialog::Kind::Open, m_openAction);
}

void CashBoxWorkspace::takeFromVault()
{
    openDialog(CashBoxDialog::Kind::TakeFromVault, m_takeAction);
}

void CashBoxWorkspace::returnToVault()
{
    openDialog(CashBoxDialog::Kind::ReturnToVault, m_returnAction);
}

void CashBoxWorkspace::countBox()
{
    openDialog(CashBoxDialog::Kind::Count, m_countAction);
}

void CashBoxWorkspace::closeBox()
{
    openDialog(CashBoxDialog::Kind::Close, m_closeAction);
}

void CashBoxWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Deposits and withdrawals at the Counter moved this box's cash meanwhile.
    if (!event->spontaneous())
        refresh();
}

void CashBoxWorkspace::hideEvent(QHideEvent* event)
{
    if (!event->spontaneous()) {
        for (CashBoxDialog* dialog : findChildren<CashBoxDialog*>(Qt::FindDirectChildrenOnly)) {
            if (!dialog->isBusy())
                dialog->done(QDialog::Rejected);
        }
    }
    QWidget::hideEvent(event);
}

void CashBoxWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CashBoxWorkspace::retranslateUi()
{
    m_title->setText(workspaceTitle(Workspace::CashBox));
    m_figures->setTitle(tr("Your cash box"));
    const QHash<QString, QString> labels = {
        {u"opening"_s, tr("Opening")},
        {u"in"_s, tr("Cash in")},
        {u"out"_s, tr("Cash out")},
        {u"expected"_s, tr("Expected in the box")},
        {u"counted"_s, tr("Last count")},
        {u"difference"_s, tr("Difference")},
        {u"transactions"_s, tr("Transactions")},
    };
    for (qsizetype i = 0; i < m_keys.size(); ++i)
        m_values.at(i).first->setText(labels.value(m_keys.at(i)));
    m_values.at(m_keys.indexOf(u"opening"_s)).first->setToolTip(tr("Cash in the box when it was opened, before the cash from the vault"));
    m_values.at(m_keys.indexOf(u"in"_s)).first->setToolTip(tr("Customer deposits and cash from the vault"));
    m_values.at(m_keys.indexOf(u"out"_s)).first->setToolTip(tr("Customer withdrawals and cash to the vault"));
    m_values.at(m_keys.indexOf(u"expected"_s)).first->setToolTip(tr("Opening + in − out"));

    setActionTexts(m_openAction, tr("Open…"), tr("Open your cash box with cash from the vault"));
    setActionTexts(m_takeAction, tr("Take from vault…"), tr("Take more cash from the vault into your box"));
    setActionTexts(m_returnAction, tr("Return to vault…"), tr("Return cash from your box to the vault"));
    setActionTexts(m_countAction, tr("Count…"), tr("Record the cash counted in your box"));
    setActionTexts(m_closeAction, tr("Close…"), tr("Count, book any over or short, return all cash to the vault"));
    setActionTexts(m_refreshAction, tr("Refresh"), tr("Read the cash box again"));
    showBox();
}

} // namespace cs::ui
