#include "counter/accountdetailpanel.h"

#include "counter/accountnames.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

enum HoldColumn { HoldAmountColumn, HoldReasonColumn, HoldNoteColumn, HoldSinceColumn, HoldColumnCount };

} // namespace

AccountDetailPanel::AccountDetailPanel(QWidget* parent)
    : QWidget(parent)
    , m_group(new QGroupBox(this))
    , m_grid(new QGridLayout)
    , m_holdsTitle(new QLabel(this))
    , m_holds(new QTableWidget(0, HoldColumnCount, this))
{
    setObjectName(u"accountDetailPanel"_s);

    // Two columns of label: value; the money on the right, its figures aligned.
    addItem(u"number"_s, 0, 0, false);
    addItem(u"name"_s, 1, 0, false);
    addItem(u"product"_s, 2, 0, false);
    addItem(u"class"_s, 3, 0, false);
    addItem(u"state"_s, 4, 0, false);
    addItem(u"opened"_s, 5, 0, false);
    addItem(u"balance"_s, 0, 2, true);
    addItem(u"held"_s, 1, 2, true);
    addItem(u"overdraft"_s, 2, 2, true);
    addItem(u"available"_s, 3, 2, true);
    // The figures sit next to their labels; what width is left goes to the text on the left.
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(4, 1);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(4);

    m_holdsTitle->setObjectName(u"holdsTitle"_s);
    m_holds->setObjectName(u"holdsTable"_s);
    m_holds->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holds->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_holds->setAlternatingRowColors(true);
    m_holds->verticalHeader()->hide();
    m_holds->verticalHeader()->setDefaultSectionSize(m_holds->fontMetrics().height() + 8);
    m_holds->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_holds->horizontalHeader()->setSectionResizeMode(HoldNoteColumn, QHeaderView::Stretch);
    m_holds->setMaximumHeight(m_holds->verticalHeader()->defaultSectionSize() * 4 + 30);

    auto* groupLayout = new QVBoxLayout(m_group);
    groupLayout->addLayout(m_grid);
    groupLayout->addWidget(m_holdsTitle);
    groupLayout->addWidget(m_holds);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_group);

    retranslateUi();
}

QLabel* AccountDetailPanel::addItem(const QString& key, int row, int column, bool money)
{
    auto* label = new QLabel(m_group);
    label->setForegroundRole(QPalette::PlaceholderText);
    auto* value = new QLabel(m_group);
    value->setObjectName(u"detailValue_"_s + key);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (money) {
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(u"000,000,000.00 CNY"_s));
    }
    m_grid->addWidget(label, row, column, Qt::AlignRight | Qt::AlignVCenter);
    m_grid->addWidget(value, row, column + 1);
    m_items.append({key, label, value});
    return value;
}

void AccountDetailPanel::setAccount(const std::optional<AccountView>& account)
{
    m_account = account;
    showAccount();
}

void AccountDetailPanel::showAccount()
{
    const auto set = [this](const QString& key, const QString& text) {
        for (const Item& item : std::as_const(m_items)) {
            if (item.key == key) {
                item.value->setText(text);
                item.value->setToolTip(text);
            }
        }
    };
    m_holds->setRowCount(0);
    if (!m_account) {
        for (const Item& item : std::as_const(m_items))
            item.value->clear();
        m_group->setTitle(tr("Account"));
        m_holdsTitle->setText(tr("Select an account to see it here."));
        m_holds->hide();
        return;
    }
    const AccountView& a = *m_account;
    m_group->setTitle(tr("Account %1").arg(a.number));
    set(u"number"_s, a.title.isEmpty() || a.title == a.customerName ? a.number : tr("%1 (%2)").arg(a.number, a.title));
    set(u"name"_s, a.customerName);
    set(u"product"_s, productName(a.productCode, a.productName));
    QString accountClass = a.accountClass.isEmpty() ? u"—"_s : accountClassName(a.accountClass);
    if (!a.boundAccount.isEmpty())
        accountClass = tr("%1, bound to %2").arg(accountClass, a.boundAccount);
    set(u"class"_s, accountClass);
    QString state = accountStateText(a);
    if (!a.freezeReason.isEmpty())
        state = tr("%1: %2").arg(state, a.freezeReason);
    set(u"state"_s, state);
    QString opened = a.openedOn.toString(u"yyyy-MM-dd");
    if (a.maturityOn.isValid())
        opened = tr("%1, matures %2").arg(opened, a.maturityOn.toString(u"yyyy-MM-dd"));
    if (a.closedOn.isValid())
        opened = tr("%1, closed %2").arg(opened, a.closedOn.toString(u"yyyy-MM-dd"));
    set(u"opened"_s, opened);
    const QString code = a.currency.code();
    set(u"balance"_s, moneyText(a.balance) + u' ' + code);
    set(u"held"_s, moneyText(a.held) + u' ' + code);
    set(u"overdraft"_s, moneyText(a.overdraftLimit) + u' ' + code);
    set(u"available"_s, moneyText(a.available) + u' ' + code);

    m_holdsTitle->setText(a.holds.isEmpty() ? tr("No active holds.") : tr("Active holds: %n", nullptr,
                                                                          static_cast<int>(a.holds.size())));
    m_holds->setVisible(!a.holds.isEmpty());
    m_holds->setRowCount(static_cast<int>(a.holds.size()));
    for (int row = 0; row < m_holds->rowCount(); ++row) {
        const HoldView& hold = a.holds.at(row);
        auto* amount = new QTableWidgetItem(moneyText(hold.amount));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_holds->setItem(row, HoldAmountColumn, amount);
        m_holds->setItem(row, HoldReasonColumn, new QTableWidgetItem(holdReasonName(hold.reasonCode)));
        m_holds->setItem(row, HoldNoteColumn, new QTableWidgetItem(hold.reason));
        m_holds->setItem(row, HoldSinceColumn,
                         new QTableWidgetItem(hold.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm")));
    }
}

void AccountDetailPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AccountDetailPanel::retranslateUi()
{
    const QHash<QString, QString> labels = {
        {u"number"_s, tr("Number:")},       {u"name"_s, tr("Holder:")},
        {u"product"_s, tr("Product:")},     {u"class"_s, tr("Class:")},
        {u"state"_s, tr("State:")},         {u"opened"_s, tr("Opened:")},
        {u"balance"_s, tr("Balance:")},     {u"held"_s, tr("Held:")},
        {u"overdraft"_s, tr("Overdraft:")}, {u"available"_s, tr("Available:")},
    };
    for (const Item& item : std::as_const(m_items))
        item.label->setText(labels.value(item.key));
    m_holds->setHorizontalHeaderLabels({tr("Amount"), tr("Reason"), tr("Note"), tr("Since")});
    m_holds->horizontalHeaderItem(HoldAmountColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    showAccount();
}

} // namespace cs::ui
