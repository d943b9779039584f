#include "approvals/approvaldetailpanel.h"

#include "approvals/approvalnames.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QLabel* textLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString when(const QDateTime& at)
{
    return at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
}

} // namespace

ApprovalDetailPanel::ApprovalDetailPanel(QWidget* parent)
    : QWidget(parent)
    , m_header(textLabel(u"approvalHeaderLabel"_s, this))
    , m_maker(textLabel(u"approvalMakerLabel"_s, this))
    , m_decided(textLabel(u"approvalDecidedLabel"_s, this))
    , m_fields(new QTableWidget(0, 3, this))
    , m_decision(new QGroupBox(this))
    , m_decisionForm(createFormLayout())
    , m_rekeyLabel(new QLabel(m_decision))
    , m_rekey(new AmountEdit(u"rekeyAmountEdit"_s, m_decision))
    , m_reasonLabel(new QLabel(m_decision))
    , m_reason(new QLineEdit(m_decision))
    , m_error(createErrorLabel(u"decisionError"_s, m_decision))
    , m_buttonRow(new QWidget(m_decision))
{
    setObjectName(u"approvalDetailPanel"_s);
    setTitleFont(m_header, 1.15);

    m_fields->setObjectName(u"approvalFieldsTable"_s);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fields->setAlternatingRowColors(true);
    m_fields->setWordWrap(false);
    m_fields->verticalHeader()->hide();
    m_fields->verticalHeader()->setDefaultSectionSize(m_fields->fontMetrics().height() + 8);
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->horizontalHeader()->setHighlightSections(false);
    m_fields->setTabKeyNavigation(false);

    m_decision->setObjectName(u"approvalDecisionGroup"_s);
    QFont amountFont = m_rekey->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.2);
    m_rekey->setFont(amountFont);
    m_rekeyLabel->setBuddy(m_rekey);
    m_rekeyCapitals = m_rekey->createCapitalsLabel(u"rekeyCapitalsLabel"_s, m_decision);
    m_rekeyHint = textLabel(u"rekeyHint"_s, m_decision);
    m_rekeyHint->setForegroundRole(QPalette::PlaceholderText);
    m_reason->setObjectName(u"decisionReasonEdit"_s);
    m_reason->setMaxLength(256);
    m_reasonLabel->setBuddy(m_reason);
    m_error->hide();

    m_decisionForm->addRow(m_rekeyLabel, m_rekey);
    m_decisionForm->addRow(static_cast<QWidget*>(nullptr), m_rekeyCapitals);
    m_decisionForm->addRow(static_cast<QWidget*>(nullptr), m_rekeyHint);
    m_decisionForm->addRow(m_reasonLabel, m_reason);
    auto* buttons = new QHBoxLayout(m_buttonRow);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto* decisionLayout = new QVBoxLayout(m_decision);
    decisionLayout->addLayout(m_decisionForm);
    decisionLayout->addWidget(m_error);
    decisionLayout->addWidget(m_buttonRow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_header);
    layout->addWidget(m_maker);
    layout->addWidget(m_decided);
    layout->addWidget(m_fields, 1);
    layout->addWidget(m_decision);

    retranslate();
    fill();
}

void ApprovalDetailPanel::setButtons(const QList<QWidget*>& widgets)
{
    auto* row = static_cast<QHBoxLayout*>(m_buttonRow->layout());
    for (QWidget* w : widgets)
        row->addWidget(w);
    row->addStretch(1);
}

void ApprovalDetailPanel::setDetail(const std::optional<ApprovalDetail>& detail)
{
    const bool same = m_detail && detail && m_detail->approval.id == detail->approval.id
                      && m_detail->approval.state == detail->approval.state;
    m_detail = detail;
    if (!same) {
        m_rekey->clear();
        m_reason->clear();
        clearError();
    }
    fill();
}

void ApprovalDetailPanel::fill()
{
    m_fields->setRowCount(0);
    if (!m_detail) {
        m_header->setText(tr("Select a request in the queue to see it in full."));
        m_maker->clear();
        m_maker->hide();
        m_decided->hide();
        m_fields->hide();
        m_decision->hide();
        return;
    }
    const ApprovalRecord& a = m_detail->approval;
    m_header->setText(tr("No. %1 · %2 · %3").arg(a.id).arg(approvalActionName(a.action), approvalStateName(a.state)));
    const QString maker = a.makerName.isEmpty() ? a.makerLogin : tr("%1 (%2)").arg(a.makerName, a.makerLogin);
    m_maker->setText(tr("Entered by %1 at terminal %2, %3 (business date %4)")
                         .arg(maker, a.makerTerminal, when(a.createdAt), a.businessDate.toString(u"yyyy-MM-dd")));
    m_maker->show();
    if (a.state == u"pending") {
        m_decided->hide();
    } else {
        QString text = a.checkerLogin.isEmpty()
                           ? tr("%1 at %2.").arg(approvalStateName(a.state), when(a.decidedAt))
                           : tr("%1 by %2 at terminal %3, %4.")
                                 .arg(approvalStateName(a.state), a.checkerLogin, a.checkerTerminal, when(a.decidedAt));
        if (!a.reason.isEmpty())
            text += u' ' + tr("Reason: %1").arg(a.reason);
        m_decided->setText(text);
        m_decided->show();
    }

    // The amount re-keyed blind is not on the screen while it is keyed.
    const bool blind = m_detail->rekeyRequired && m_detail->canDecide;
    QList<ApprovalField> fields;
    for (const ApprovalField& f : m_detail->fields) {
        if (!(blind && isAmountField(f.key)))
            fields.append(f);
    }
    m_fields->setRowCount(static_cast<int>(fields.size()));
    bool changes = false;
    for (int row = 0; row < fields.size(); ++row) {
        const ApprovalField& f = fields.at(row);
        changes = changes || !f.oldValue.isEmpty();
        auto* label = new QTableWidgetItem(f.label.isEmpty() ? f.key : f.label);
        label->setToolTip(f.key);
        m_fields->setItem(row, 0, label);
        m_fields->setItem(row, 1, new QTableWidgetItem(f.oldValue));
        auto* value = new QTableWidgetItem(f.newValue);
        value->setToolTip(f.newValue);
        if (!f.oldValue.isEmpty() && f.oldValue != f.newValue) {
            QFont bold = value->font();
            bold.setBold(true);
            value->setFont(bold);
        }
        m_fields->setItem(row, 2, value);
    }
    // "Was" only where the request changes an existing record.
    m_fields->setColumnHidden(1, !changes);
    m_fields->show();

    const bool pending = a.state == u"pending";
    m_decision->setVisible(pending && (m_detail->canDecide || m_detail->canCancel));
    m_decisionForm->setRowVisible(m_rekey, blind);
    m_decisionForm->setRowVisible(m_rekeyCapitals, blind);
    m_decisionForm->setRowVisible(m_rekeyHint, blind);
    m_decisionForm->setRowVisible(m_reason, m_detail->canDecide);
    if (a.amount)
        m_rekey->setCurrency(a.amount->currency());
}

void ApprovalDetailPanel::showError(const Error& error)
{
    m_error->setText(error.message);
    m_error->show();
    QWidget* field = nullptr;
    if (error.field == u"amount" || error.field == u"rekeyed" || error.code.startsWith(u"approval.rekey"))
        field = m_rekey->isVisibleTo(this) ? m_rekey : nullptr;
    else if (error.field == u"reason")
        field = m_reason;
    if (field) {
        field->setFocus(Qt::OtherFocusReason);
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            edit->selectAll();
    }
}

void ApprovalDetailPanel::clearError()
{
    m_error->clear();
    m_error->hide();
}

QString ApprovalDetailPanel::errorText() const
{
    return m_error->text();
}

void ApprovalDetailPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApprovalDetailPanel::retranslate()
{
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Was"), tr("Becomes")});
    m_fields->setAccessibleName(tr("The request field by field"));
    m_decision->setTitle(tr("Decision"));
    m_rekeyLabel->setText(tr("&Amount re-keyed:"));
    m_rekey->setFieldName(u"amount"_s);
    m_rekey->setFieldLabel(tr("Amount re-keyed"));
    m_rekey->setPlaceholderText(tr("Key the amount from the slip"));
    m_rekey->setAccessibleName(tr("Amount re-keyed"));
    m_rekeyHint->setText(tr("The amount is not shown: key it from the customer's slip. It must match exactly."));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Required to reject"));
    m_reason->setToolTip(tr("Enter in this field rejects the request with this reason"));
    fill();
}

} // namespace cs::ui
