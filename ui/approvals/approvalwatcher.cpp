#include "approvals/approvalwatcher.h"

#include "approvals/approvalservice.h"
#include "storage/notificationlistener.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {
// Notifications that come together (a decision and the submission it unblocks) make one reload.
constexpr int kCoalesceMs = 30;
} // namespace

ApprovalWatcher::ApprovalWatcher(Database db, Session session, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_pollTimer(new QTimer(this))
    , m_coalesce(new QTimer(this))
{
    m_pollTimer->setObjectName(u"approvalPollTimer"_s);
    m_pollTimer->setInterval(defaultPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &ApprovalWatcher::poll);
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(kCoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &ApprovalWatcher::changed);
}

ApprovalWatcher::~ApprovalWatcher() = default;

void ApprovalWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_db.dialect() == Dialect::PostgreSQL) {
        m_listener = new NotificationListener(m_db, this);
        if (m_listener->subscribe(ApprovalService::notificationChannel())) {
            connect(m_listener, &NotificationListener::notified, this,
                    [this](const QString&, const QString& payload) { notified(payload); });
            m_listening = true;
            return;
        }
        // No LISTEN (a pooler in between, a lost connection): polling still shows the changes.
        delete m_listener;
        m_listener = nullptr;
    }
    poll();
    m_pollTimer->start();
}

void ApprovalWatcher::stop()
{
    m_pollTimer->stop();
    m_coalesce->stop();
    delete m_listener;
    m_listener = nullptr;
    m_listening = false;
    m_started = false;
}

bool ApprovalWatcher::isPolling() const
{
    return m_pollTimer->isActive();
}

void ApprovalWatcher::setPollInterval(int ms)
{
    m_pollTimer->setInterval(std::max(100, ms));
}

int ApprovalWatcher::pollInterval() const
{
    return m_pollTimer->interval();
}

void ApprovalWatcher::notified(const QString& payload)
{
    // The payload names the branch whose approvals changed; another branch's change is not ours.
    if (!payload.isEmpty() && payload != QString::number(m_session.branchId))
        return;
    m_coalesce->start();
}

void ApprovalWatcher::poll()
{
    const ApprovalService service(m_db);
    // Every submission adds one of today's approvals; every decision, cancellation or expiry takes one
    // from the pending ones.
    ApprovalFilter today;
    today.state.clear();
    today.from = m_session.businessDate;
    today.to = m_session.businessDate;
    auto todayCount = service.count(m_session, today);
    auto pendingCount = service.count(m_session, ApprovalFilter{});
    if (!todayCount || !pendingCount)
        return; // the next poll tries again
    const bool first = m_todayCount < 0;
    const bool moved = *todayCount != m_todayCount || *pendingCount != m_pendingCount;
    m_todayCount = *todayCount;
    m_pendingCount = *pendingCount;
    if (moved && !first)
        m_coalesce->start();
}

} // namespace cs::ui
