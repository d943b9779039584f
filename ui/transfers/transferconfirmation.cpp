#include "transfers/transferconfirmation.h"

#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
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

} // namespace

TransferConfirmation::TransferConfirmation(QWidget* parent)
    : QWidget(parent)
    , m_intro(textLabel(u"confirmIntroLabel"_s, this))
    , m_amount(textLabel(u"confirmAmountLabel"_s, this))
    , m_capitals(textLabel(u"confirmCapitalsLabel"_s, this))
    , m_details(textLabel(u"confirmDetailsLabel"_s, this))
    , m_approval(textLabel(u"confirmApprovalLabel"_s, this))
    , m_busy(createBusyIndicator(u"transferBusyIndicator"_s, this))
    , m_submit(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    setObjectName(u"transferConfirmPage"_s);
    setTitleFont(m_amount, 2.0);
    setTitleFont(m_capitals, 1.3);
    QFont approvalFont = m_approval->font();
    approvalFont.setBold(true);
    m_approval->setFont(approvalFont);
    m_submit->setObjectName(u"submitTransferButton"_s);
    m_back->setObjectName(u"backButton"_s);
    // Enter presses the button that has the cursor; elsewhere on the page it submits.
    for (QPushButton* b : {m_submit, m_back})
        b->setAutoDefault(true);
    connect(m_submit, &QPushButton::clicked, this, &TransferConfirmation::submitRequested);
    connect(m_back, &QPushButton::clicked, this, &TransferConfirmation::backRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_back);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addStretch(1);
    layout->addWidget(m_amount);
    layout->addWidget(m_capitals);
    layout->addWidget(m_details);
    layout->addWidget(m_approval);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);
    retranslateUi();
}

void TransferConfirmation::showTransfer(const TransferRequest& request, const TransferPreview& preview)
{
    m_preview = preview;
    const Money& amount = request.amount;
    m_amount->setText((amount.currency() == Currency::cny() ? u"¥"_s : amount.currency().code() + u' ')
                      + moneyText(amount));
    m_capitals->setText(capitalsText(amount));
    QStringList lines;
    lines << tr("From %1, %2").arg(preview.fromAccount, preview.fromName);
    if (request.isInterbank())
        lines << tr("To %1, %2, at bank %3").arg(preview.toAccount, preview.toName, preview.toBankCode);
    else
        lines << tr("To %1, %2").arg(preview.toAccount, preview.toName);
    lines << tr("Route %1 · fee %2%3 · balance after %4")
                 .arg(routeDisplayName(preview.route), moneyText(preview.fee),
                      request.waiveFee ? tr(" (waiver asked)") : QString(), moneyText(preview.balanceAfter));
    if (!request.remarks.isEmpty())
        lines << tr("Remarks: %1").arg(request.remarks);
    m_details->setText(lines.join(u'\n'));
    retranslateUi();
}

void TransferConfirmation::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit submitRequested();
        return;
    case Qt::Key_Escape:
        emit backRequested();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TransferConfirmation::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TransferConfirmation::retranslateUi()
{
    const bool approval = m_preview && m_preview->approvalRequired;
    m_intro->setText(tr("Read the transfer back to the customer before it is done."));
    m_approval->setText(!m_preview ? QString()
                        : approval ? tr("A supervisor must approve it: the funds are held until then.")
                                   : tr("It posts at once."));
    m_submit->setText(approval ? tr("Submit for approval") : tr("Post transfer"));
    m_submit->setToolTip(tr("Enter"));
    m_back->setText(tr("Back"));
    m_back->setToolTip(tr("Esc: back to the slip"));
}

} // namespace cs::ui
