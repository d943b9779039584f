#pragma once

#include "auth/session.h"
#include "storage/database.h"

#include <QWidget>

class QGroupBox;

namespace cs::ui {

class GatewayForm;
class OutboxPanel;

// The Administration's SMS notices page: the gateway's settings (GatewayForm) above the notice outbox
// (OutboxPanel). Object names: noticesPage, gatewayGroup, outboxGroup.
class NoticesPage : public QWidget {
    Q_OBJECT
public:
    NoticesPage(Database db, Session session, QWidget* parent = nullptr);

    GatewayForm* gatewayForm() const { return m_gateway; }
    OutboxPanel* outboxPanel() const { return m_outbox; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QGroupBox* m_gatewayGroup = nullptr;
    QGroupBox* m_outboxGroup = nullptr;
    GatewayForm* m_gateway = nullptr;
    OutboxPanel* m_outbox = nullptr;
};

} // namespace cs::ui
