#include "counter/statementdialog.h"

#include "counter/accountnames.h"
#include "counter/statementmodel.h"
#include "print/voucherprinting.h"
#include "services/cashservice.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"
#include "widgets/recordtable.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QDateEdit* dateEdit(const QString& objectName, const QDate& date, QWidget* parent)
{
    auto* edit = new QDateEdit(date, parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    edit->setCalendarPopup(true);
    edit->setEnabled(false);
    return edit;
}

bool isCashLine(const StatementLine& line)
{
    return line.kind == u"cash_deposit" || line.kind == u"cash_withdrawal";
}

} // namespace

StatementDialog::StatementDialog(Database db, Session session, AccountView account, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_account(std::move(account))
    , m_model(new StatementModel(m_db, m_session, m_account.number, {}, {}, this))
    , m_header(new QLabel(this))
    , m_fromCheck(new QCheckBox(this))
    , m_from(dateEdit(u"statementFromEdit"_s, m_session.businessDate.addMonths(-1), this))
    , m_toCheck(new QCheckBox(this))
    , m_to(dateEdit(u"statementToEdit"_s, m_session.businessDate, this))
    , m_show(new QPushButton(this))
    , m_view(new QTableView(this))
    , m_status(createMessageLabel(u"statementStatus"_s, this))
    , m_error(createErrorLabel(u"statementError"_s, this))
    , m_voucher(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"statementDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    m_header->setObjectName(u"statementHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    setTitleFont(m_header, 1.15);
    m_fromCheck->setObjectName(u"statementFromCheck"_s);
    m_toCheck->setObjectName(u"statementToCheck"_s);
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_show->setObjectName(u"statementShowButton"_s);
    m_show->setDefault(true);
    connect(m_show, &QPushButton::clicked, this, &StatementDialog::showRange);

    m_view->setObjectName(u"statementTable"_s);
    m_view->setModel(m_model);
    setUpRecordTable(m_view, StatementModel::MemoColumn);
    // Fixed widths from the font: measuring a lazily growing list's contents would read it all.
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(StatementModel::MemoColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int pad = 24;
    header->resizeSection(StatementModel::DateColumn, metrics.horizontalAdvance(u"0000-00-00"_s) + pad);
    header->resizeSection(StatementModel::TimeColumn, metrics.horizontalAdvance(u"00:00:00"_s) + pad);
    header->resizeSection(StatementModel::KindColumn, metrics.horizontalAdvance(u"Cash withdrawal"_s) + pad);
    for (int column : {int(StatementModel::DebitColumn), int(StatementModel::CreditColumn),
                       int(StatementModel::BalanceColumn)})
        header->resizeSection(column, metrics.horizontalAdvance(u"000,000,000.00"_s) + pad);
    header->resizeSection(StatementModel::TerminalColumn, metrics.horizontalAdvance(u"Terminal-00"_s) + pad);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StatementDialog::updateStatus);
    connect(m_model, &StatementModel::rowsInserted, this, &StatementDialog::updateStatus);
    connect(m_model, &StatementModel::modelReset, this, &StatementDialog::updateStatus);
    connect(m_model, &StatementModel::readFailed, this, [this](const QString& message) {
        m_error->setText(message);
        m_error->show();
    });

    m_voucher->setObjectName(u"statementVoucherButton"_s);
    m_voucher->setAutoDefault(false);
    m_voucher->setShortcut(QKeySequence::Print);
    connect(m_voucher, &QPushButton::clicked, this, &StatementDialog::previewSelectedVoucher);
    m_close->setObjectName(u"statementCloseButton"_s);
    m_close->setAutoDefault(false);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto* range = new QHBoxLayout;
    range->addWidget(m_fromCheck);
    range->addWidget(m_from);
    range->addSpacing(12);
    range->addWidget(m_toCheck);
    range->addWidget(m_to);
    range->addSpacing(12);
    range->addWidget(m_show);
    range->addStretch(1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_voucher);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->addWidget(m_header);
    layout->addLayout(range);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    setTabChain({m_fromCheck, m_from, m_toCheck, m_to, m_show, m_view, m_voucher, m_close});
    m_error->hide();
    resize(980, 600);
    retranslateUi();
    showRange();
}

void StatementDialog::showRange()
{
    m_error->hide();
    const QDate from = m_fromCheck->isChecked() ? m_from->date() : QDate();
    const QDate to = m_toCheck->isChecked() ? m_to->date() : QDate();
    m_model->setRange(from, to);
    if (const Status loaded = m_model->load(); !loaded) {
        m_error->setText(loaded.error().message);
        m_error->show();
    }
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    m_view->setFocus(Qt::OtherFocusReason);
    updateStatus();
}

void StatementDialog::previewSelectedVoucher()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !isCashLine(m_model->lineAt(current.row())))
        return;
    auto receipt = CashService(m_db).receipt(m_session, m_model->lineAt(current.row()).txnId);
    if (!receipt) {
        m_error->setText(receipt.error().message);
        m_error->show();
        return;
    }
    previewVoucher(*receipt, this);
}

void StatementDialog::updateStatus()
{
    const int rows = m_model->rowCount();
    if (!m_model->isLoaded())
        m_status->clear();
    else if (rows == 0)
        m_status->setText(tr("No lines in this period."));
    else if (m_model->atEnd())
        m_status->setText(tr("%n line(s), all shown.", nullptr, rows));
    else
        m_status->setText(tr("%n line(s) shown; scroll down for more.", nullptr, rows));
    const QModelIndex current = m_view->currentIndex();
    m_voucher->setEnabled(current.isValid() && isCashLine(m_model->lineAt(current.row())));
}

void StatementDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void StatementDialog::retranslateUi()
{
    setWindowTitle(tr("Statement of account %1").arg(m_account.number));
    const QString name = m_account.customerName.isEmpty() ? m_account.title : m_account.customerName;
    m_header->setText(tr("%1 · %2 · %3 · balance %4 %5")
                          .arg(m_account.number, name, productName(m_account.productCode, m_account.productName),
                               moneyText(m_account.balance), m_account.currency.code()));
    m_fromCheck->setText(tr("&From:"));
    m_fromCheck->setToolTip(tr("Only lines from this business date on"));
    m_toCheck->setText(tr("&To:"));
    m_toCheck->setToolTip(tr("Only lines up to this business date"));
    m_show->setText(tr("&Show"));
    m_show->setToolTip(tr("Show the lines of the chosen period (Enter)"));
    m_view->setAccessibleName(tr("Statement lines"));
    m_voucher->setText(tr("Voucher…"));
    m_voucher->setToolTip(tr("Preview and print the voucher of the selected cash transaction (%1)")
                              .arg(m_voucher->shortcut().toString(QKeySequence::NativeText)));
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close the statement (Esc)"));
    m_model->retranslate();
    updateStatus();
}

} // namespace cs::ui
