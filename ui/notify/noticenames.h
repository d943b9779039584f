#pragma once

#include "services/noticeservice.h"

#include <QString>

namespace cs::ui {

// Translated names of the keys NoticeService answers with (context "cs::ui::NoticeNames"). A key
// without a name is shown as it is.
QString noticeLanguageName(const QString& language);     // zh_CN, en
QString noticeStateName(const QString& state);           // outbox: pending, failed, sent, dead, cancelled
QString noticeKindName(const QString& kind);             // movement, maturity
QString attemptOutcomeName(const QString& outcome);      // sent, failed, dead
QString subscriptionStateName(const QString& state);     // active, cancelled
// What a subscription sends: "Movements with balance, maturity".
QString subscriptionKindsText(const NoticeSubscription& subscription);
// Its fee plan: "Free", or "Package, 2.00 a month after the trial (to 2025-03-31), not confirmed".
QString subscriptionFeeText(const NoticeSubscription& subscription);

// The outbox states in the order the Administration lists them.
inline const QStringList& outboxStates()
{
    static const QStringList states = {QStringLiteral("pending"), QStringLiteral("failed"), QStringLiteral("sent"),
                                       QStringLiteral("dead"), QStringLiteral("cancelled")};
    return states;
}

} // namespace cs::ui
