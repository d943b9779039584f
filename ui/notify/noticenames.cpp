#include "notify/noticenames.h"

#include "widgets/moneycell.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString lookUp(const QHash<QString, const char*>& names, const QString& key)
{
    const auto found = names.constFind(key);
    return found == names.cend() ? key : QCoreApplication::translate("cs::ui::NoticeNames", *found);
}

} // namespace

QString noticeLanguageName(const QString& language)
{
    static const QHash<QString, const char*> names = {
        {u"zh_CN"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Chinese")},
        {u"en"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "English")},
    };
    return lookUp(names, language);
}

QString noticeStateName(const QString& state)
{
    static const QHash<QString, const char*> names = {
        {u"pending"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Pending")},
        {u"failed"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Failed, to retry")},
        {u"sent"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Sent")},
        {u"dead"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Dead")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Cancelled")},
    };
    return lookUp(names, state);
}

QString noticeKindName(const QString& kind)
{
    static const QHash<QString, const char*> names = {
        {u"movement"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Movement")},
        {u"maturity"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Maturity")},
    };
    return lookUp(names, kind);
}

QString attemptOutcomeName(const QString& outcome)
{
    static const QHash<QString, const char*> names = {
        {u"sent"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Sent")},
        {u"failed"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Failed")},
        {u"dead"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Given up")},
    };
    return lookUp(names, outcome);
}

QString subscriptionStateName(const QString& state)
{
    static const QHash<QString, const char*> names = {
        {u"active"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Active")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Cancelled")},
    };
    return lookUp(names, state);
}

QString subscriptionKindsText(const NoticeSubscription& subscription)
{
    const char* text = nullptr;
    if (subscription.movements && subscription.maturity)
        text = subscription.withBalance ? QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Movements with balance, maturity")
                                        : QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Movements, maturity");
    else if (subscription.movements)
        text = subscription.withBalance ? QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Movements with balance")
                                        : QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Movements");
    else if (subscription.maturity)
        text = QT_TRANSLATE_NOOP("cs::ui::NoticeNames", "Maturity");
    return text ? QCoreApplication::translate("cs::ui::NoticeNames", text) : QString();
}

QString subscriptionFeeText(const NoticeSubscription& subscription)
{
    if (subscription.feePlan != u"package")
        return subscription.feePlan == u"free" ? QCoreApplication::translate("cs::ui::NoticeNames", "Free")
                                               : subscription.feePlan;
    const QString dateFormat = u"yyyy-MM-dd"_s;
    const QString fee = moneyText(subscription.monthlyFee);
    const QString trialEnd = subscription.trialEndsOn.toString(dateFormat);
    if (subscription.confirmedOn.isValid())
        return QCoreApplication::translate("cs::ui::NoticeNames", "Package, %1 a month after the trial (to %2), "
                                                                  "confirmed %3")
            .arg(fee, trialEnd, subscription.confirmedOn.toString(dateFormat));
    return QCoreApplication::translate("cs::ui::NoticeNames", "Package, %1 a month after the trial (to %2), "
                                                              "not confirmed")
        .arg(fee, trialEnd);
}

} // namespace cs::ui
