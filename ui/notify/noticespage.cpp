#include "notify/noticespage.h"

#include "notify/gatewayform.h"
#include "notify/outboxpanel.h"
#include "widgets/formwidgets.h"
#include "widgets/permittedactions.h"

#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

NoticesPage::NoticesPage(Database db, Session session, QWidget* parent)
    : QWidget(parent)
    , m_gatewayGroup(new QGroupBox(this))
    , m_outboxGroup(new QGroupBox(this))
{
    setObjectName(u"noticesPage"_s);
    PermittedActions permitted;
    auto* problem = createErrorLabel(u"noticesPageError"_s, this);
    if (auto loaded = PermittedActions::load(db, session.role))
        permitted = std::move(*loaded);
    else
        problem->setText(loaded.error().message);
    problem->setVisible(!problem->text().isEmpty());

    m_gateway = new GatewayForm(db, session, permitted, m_gatewayGroup);
    m_outbox = new OutboxPanel(std::move(db), std::move(session), std::move(permitted), m_outboxGroup);
    m_gatewayGroup->setObjectName(u"gatewayGroup"_s);
    m_outboxGroup->setObjectName(u"outboxGroup"_s);
    (new QVBoxLayout(m_gatewayGroup))->addWidget(m_gateway);
    (new QVBoxLayout(m_outboxGroup))->addWidget(m_outbox);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(problem);
    layout->addWidget(m_gatewayGroup);
    layout->addWidget(m_outboxGroup, 1);
    setFocusProxy(m_gateway->urlEdit());

    retranslateUi();
}

void NoticesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NoticesPage::retranslateUi()
{
    m_gatewayGroup->setTitle(tr("SMS gateway"));
    m_outboxGroup->setTitle(tr("Outbox"));
}

} // namespace cs::ui
