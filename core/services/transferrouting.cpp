#include "services/transferrouting.h"

#include "domain/bankcode.h"
#include "storage/settingsrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

std::function<QDateTime()>& clockSlot()
{
    static std::function<QDateTime()> clock;
    return clock;
}

} // namespace

QString routeKey(TransferRoute route)
{
    switch (route) {
    case TransferRoute::Intra: return u"intra"_s;
    case TransferRoute::Hvps: return u"hvps"_s;
    case TransferRoute::Beps: return u"beps"_s;
    case TransferRoute::Ibps: return u"ibps"_s;
    }
    return u"intra"_s;
}

TransferRoute routeFromKey(const QString& key)
{
    if (key == u"hvps"_s)
        return TransferRoute::Hvps;
    if (key == u"beps"_s)
        return TransferRoute::Beps;
    if (key == u"ibps"_s)
        return TransferRoute::Ibps;
    return TransferRoute::Intra;
}

QString routeDisplayName(TransferRoute route)
{
    switch (route) {
    case TransferRoute::Intra: return QCoreApplication::translate("cs::TransferService", "Intra-bank transfer");
    case TransferRoute::Hvps: return QCoreApplication::translate("cs::TransferService", "HVPS (large-value real-time)");
    case TransferRoute::Beps: return QCoreApplication::translate("cs::TransferService", "BEPS (bulk electronic)");
    case TransferRoute::Ibps: return QCoreApplication::translate("cs::TransferService", "IBPS (online real-time)");
    }
    return {};
}

RoutingDecision routeInterbank(qint64 amountMinor, const QDateTime& now, bool businessDay, const RoutingSettings& s)
{
    return routeInterbank(amountMinor, now, businessDay, s, false);
}

// DOMAIN, transfers: BEPS runs 7x24 and takes ordinary credits up to its limit, so an amount within it
// goes there whatever the hour; above the limit only HVPS carries it, in real time inside its window on a
// business day (open <= time < cut-off), otherwise queued for the next window. IBPS, real time and 7x24,
// only when the customer asks for it, it is enabled and the amount is within its cap; otherwise the
// ordinary rule applies.
RoutingDecision routeInterbank(qint64 amountMinor, const QDateTime& now, bool businessDay, const RoutingSettings& s,
                               bool ibpsRequested)
{
    if (ibpsRequested && s.ibpsEnabled && amountMinor <= s.ibpsLimit)
        return {TransferRoute::Ibps, false};
    if (amountMinor <= s.bepsLimit)
        return {TransferRoute::Beps, false};
    return {TransferRoute::Hvps, !hvpsWindowOpen(now, businessDay, s)};
}

bool hvpsWindowOpen(const QDateTime& now, bool businessDay, const RoutingSettings& s)
{
    const QTime t = now.time();
    return businessDay && s.hvpsOpen.isValid() && s.hvpsCutoff.isValid() && t >= s.hvpsOpen && t < s.hvpsCutoff;
}

bool validBankCode(const QString& code) { return bankCodeValid(code); }

Result<RoutingSettings> loadRoutingSettings(UnitOfWork& uow)
{
    SettingsRepository settings(uow);
    auto numbers = settings.integers({u"clearing.beps_limit"_s, u"clearing.ibps_enabled"_s, u"clearing.ibps_limit"_s});
    if (!numbers)
        return fail(numbers.error());
    RoutingSettings s;
    s.bepsLimit = numbers->value(u"clearing.beps_limit"_s);
    s.ibpsEnabled = numbers->value(u"clearing.ibps_enabled"_s) != 0;
    s.ibpsLimit = numbers->value(u"clearing.ibps_limit"_s);
    for (const auto& [key, target] : {std::pair{u"clearing.hvps_open"_s, &s.hvpsOpen}, std::pair{u"clearing.hvps_cutoff"_s, &s.hvpsCutoff}}) {
        auto stored = settings.find(key);
        if (!stored)
            return fail(stored.error());
        const QTime time = stored->has_value() ? QTime::fromString((*stored)->value, u"HH:mm"_s) : QTime();
        if (!time.isValid())
            return fail(Error::internal(u"setting.missing"_s, u"The setting %1 is missing or not a time"_s.arg(key)));
        *target = time;
    }
    return s;
}

bool isClearingBusinessDay(const QDate& date) { return date.isValid() && date.dayOfWeek() <= 5; }

QDateTime transferClockNow()
{
    const auto& clock = clockSlot();
    return clock ? clock() : QDateTime::currentDateTime();
}

void setTransferClockForTesting(std::function<QDateTime()> clock) { clockSlot() = std::move(clock); }

QString clearingMessageId(const QString& branchCode, const QDate& businessDate, qint64 transferId)
{
    return u"CS"_s + branchCode + businessDate.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(transferId, 12, 10, QLatin1Char('0'));
}

} // namespace cs
