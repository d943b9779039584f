#include "cards/onlinepaymentdialog.h"

#include "admin/requestid.h"
#include "services/settingsservice.h"
#include "widgets/amountedit.h"
#include "widgets/formwidgets.h"
#include "widgets/moneycell.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

constexpr OnlineMethod kMethods[] = {OnlineMethod::Sms, OnlineMethod::Otp, OnlineMethod::OtpTrial, OnlineMethod::UsbKey};

} // namespace

OnlineCeilings readOnlineCeilings(const Database& db)
{
    OnlineCeilings ceilings;
    const SettingsService settings(db);
    const auto read = [&](OnlineMethod method, Money& into) {
        if (auto stored = settings.integer(u"cards.online.ceiling."_s + onlineMethodKey(method)))
            into = Money(*stored, Currency::cny());
    };
    read(OnlineMethod::Sms, ceilings.sms);
    read(OnlineMethod::Otp, ceilings.otp);
    read(OnlineMethod::OtpTrial, ceilings.otpTrial);
    read(OnlineMethod::UsbKey, ceilings.usbKey);
    return ceilings;
}

OnlinePaymentDialog::OnlinePaymentDialog(Database db, Session session, CardVault vault, CardView card,
                                         OnlineCeilings ceilings, QWidget* parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_vault(std::move(vault))
    , m_card(std::move(card))
    , m_ceilings(ceilings)
    , m_requestId(newRequestId())
{
    setObjectName(u"onlinePaymentDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(u"onlineEnabledCheck"_s);
    m_enabled->setChecked(m_card.onlineEnabled);

    auto* form = createFormLayout();
    m_methodLabel = new QLabel(this);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"onlineMethodCombo"_s);
    for (OnlineMethod method : kMethods)
        m_method->addItem(QString(), onlineMethodKey(method));
    if (const int index = m_method->findData(m_card.onlineMethod); index >= 0)
        m_method->setCurrentIndex(index);
    m_methodLabel->setBuddy(m_method);
    m_limitLabel = new QLabel(this);
    m_limit = new AmountEdit(u"onlineLimitEdit"_s, this);
    m_limit->setFieldName(u"limit"_s);
    if (m_card.onlineDailyLimit.isPositive())
        m_limit->setText(moneyText(m_card.onlineDailyLimit));
    m_limitLabel->setBuddy(m_limit);
    m_capitals = m_limit->createCapitalsLabel(u"onlineLimitCapitals"_s, this);
    m_ceiling = createValueLabel(u"onlineCeilingLabel"_s, this);
    m_credit = createValueLabel(u"onlineCreditLabel"_s, this);
    m_credit->setVisible(m_card.productCode != u"debit");
    m_limitError = createErrorLabel(u"onlineLimitError"_s, this);
    m_limitError->hide();
    form->addRow(static_cast<QWidget*>(nullptr), m_enabled);
    form->addRow(m_methodLabel, m_method);
    form->addRow(m_limitLabel, m_limit);
    form->addRow(static_cast<QWidget*>(nullptr), m_capitals);
    form->addRow(static_cast<QWidget*>(nullptr), m_ceiling);
    form->addRow(static_cast<QWidget*>(nullptr), m_credit);
    form->addRow(static_cast<QWidget*>(nullptr), m_limitError);

    m_error = createErrorLabel(u"onlineError"_s, this);
    m_error->hide();
    m_busy = createBusyIndicator(u"onlineBusy"_s, this);
    m_save = createDialogButton(u"onlineSaveButton"_s, this, true);
    m_cancel = createDialogButton(u"onlineCancelButton"_s, this, false);
    connect(m_save, &QPushButton::clicked, this, &OnlinePaymentDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &OnlinePaymentDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    const auto follow = [this] {
        m_method->setEnabled(m_enabled->isChecked());
        m_limit->setEnabled(m_enabled->isChecked());
        showCeiling();
    };
    connect(m_enabled, &QCheckBox::toggled, this, follow);
    connect(m_method, &QComboBox::currentIndexChanged, this, follow);

    setTabChain({m_enabled, m_method, m_limit, m_save, m_cancel});
    m_call.setBusyWidgets({m_enabled, m_method, m_limit, m_save, m_cancel});
    m_call.setBusyIndicator(m_busy);
    setMinimumWidth(520);
    retranslateUi();
    follow();
    m_enabled->setFocus(Qt::OtherFocusReason);
}

OnlineMethod OnlinePaymentDialog::method() const
{
    return onlineMethodFromKey(m_method->currentData().toString()).value_or(OnlineMethod::Sms);
}

void OnlinePaymentDialog::showCeiling()
{
    m_ceiling->setText(tr("Ceiling with %1: %2 a day").arg(onlineMethodLabel(method()), moneyText(m_ceilings.of(method()))));
    m_credit->setText(tr("Available credit: %1").arg(moneyText(m_card.available)));
}

void OnlinePaymentDialog::accept()
{
    save();
}

void OnlinePaymentDialog::reject()
{
    if (!isBusy())
        QDialog::reject();
}

void OnlinePaymentDialog::clearErrors()
{
    m_limitError->clear();
    m_limitError->hide();
    m_error->clear();
    m_error->hide();
}

void OnlinePaymentDialog::showError(const Error& error)
{
    clearErrors();
    if (error.field == u"limit" || error.field == u"amount") {
        m_limitError->setText(error.message);
        m_limitError->show();
        m_limit->setFocus(Qt::OtherFocusReason);
        m_limit->selectAll();
    } else {
        m_error->setText(error.message);
        m_error->show();
    }
    adjustSize();
}

QString OnlinePaymentDialog::shownError() const
{
    return !m_limitError->text().isEmpty() ? m_limitError->text() : m_error->text();
}

void OnlinePaymentDialog::save()
{
    if (isBusy())
        return;
    clearErrors();
    OnlinePaymentSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.method = method();
    if (settings.enabled) {
        auto limit = m_limit->amount();
        if (!limit) {
            showError(limit.error());
            return;
        }
        settings.dailyLimit = *limit;
    } else {
        // Switching off keeps the limit the customer had chosen, for when it is switched on again.
        settings.dailyLimit = m_limit->validAmount().value_or(m_card.onlineDailyLimit);
    }
    m_call.start(
        u"cardOnlineWorker"_s,
        [db = m_db, session = m_session, vault = m_vault, cardId = m_card.id, settings, requestId = m_requestId] {
            return CardService(db, vault).setOnlinePayment(session, cardId, settings, requestId);
        },
        Error::internal(u"card.no_result"_s, tr("The request did not complete.")),
        [this](Result<CardChange> outcome) {
            if (!outcome) {
                if (needsNewRequestId(outcome.error()))
                    m_requestId = newRequestId();
                showError(outcome.error());
                return;
            }
            emit changed(*outcome);
            QDialog::accept();
        });
}

void OnlinePaymentDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void OnlinePaymentDialog::retranslateUi()
{
    setWindowTitle(tr("Online payment of card %1").arg(m_card.panMasked));
    m_intro->setText(tr("Whether card %1 pays online, how the customer confirms a payment, and the most it pays "
                        "in one day.")
                         .arg(m_card.panMasked));
    m_enabled->setText(tr("&Online payment enabled"));
    m_methodLabel->setText(tr("&Verification:"));
    for (int i = 0; i < m_method->count(); ++i) {
        if (const auto method = onlineMethodFromKey(m_method->itemData(i).toString()))
            m_method->setItemText(i, onlineMethodLabel(*method));
    }
    m_limitLabel->setText(tr("Daily &limit:"));
    m_limit->setFieldLabel(tr("Daily limit"));
    m_limit->setPlaceholderText(tr("e.g. 5,000.00"));
    m_save->setText(tr("Save"));
    m_cancel->setText(tr("Cancel"));
    showCeiling();
}

} // namespace cs::ui
