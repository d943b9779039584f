#include "notify/backgroundnoticesender.h"

#include "notify/terminalgatewaysecret.h"
#include "services/noticeservice.h"

#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace cs::ui {

BackgroundNoticeSender::BackgroundNoticeSender(Database db, Session session, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_session(std::move(session))
    , m_timer(new QTimer(this))
{
    setObjectName(u"backgroundNoticeSender"_s);
    m_timer->setInterval(60s);
    connect(m_timer, &QTimer::timeout, this, &BackgroundNoticeSender::tick);
    m_timer->start();
}

BackgroundNoticeSender::~BackgroundNoticeSender() = default;

void BackgroundNoticeSender::setInterval(std::chrono::milliseconds interval)
{
    m_timer->start(interval);
}

void BackgroundNoticeSender::stop()
{
    m_timer->stop();
}

bool BackgroundNoticeSender::isActive() const
{
    return m_timer->isActive();
}

bool BackgroundNoticeSender::canSend() const
{
    // Asked on every tick, so a gateway set up (or a password stored) meanwhile is taken up.
    auto gateway = NoticeService(m_db).gateway(m_session);
    return gateway && gateway->isConfigured() && m_secret->isStored();
}

bool BackgroundNoticeSender::tick()
{
    if (isRunning())
        return false;
    // The secret store is opened on the first tick, not while the window is being built.
    if (!m_secret)
        m_secret = std::make_unique<TerminalGatewaySecret>(m_db);
    if (!canSend())
        return false;
    if (!m_sender) {
        m_sender = new NoticeSender(m_db, m_secret->store(), m_session.terminal + u'/' + m_session.login, this);
        connect(m_sender, &NoticeSender::passFinished, this, &BackgroundNoticeSender::passFinished);
    }
    if (!m_sender->start())
        return false;
    ++m_passes;
    return true;
}

} // namespace cs::ui
