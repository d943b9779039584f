#include "transfers/transfernames.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace cs::ui {

QString transferStateName(const QString& state)
{
    static const QHash<QString, const char*> names = {
        {u"pending"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Waiting for approval")},
        {u"posted"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Posted")},
        {u"queued"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Queued for the next window")},
        {u"sent"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Sent")},
        {u"accepted"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Accepted")},
        {u"rejected"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Rejected by the network")},
        {u"refused"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Refused by the checker")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Cancelled")},
        {u"expired"_s, QT_TRANSLATE_NOOP("cs::ui::TransferNames", "Expired")},
    };
    const auto found = names.constFind(state);
    return found == names.cend() ? state : QCoreApplication::translate("cs::ui::TransferNames", *found);
}

bool transferStateIsDone(const QString& state)
{
    return state == u"posted" || state == u"queued" || state == u"sent" || state == u"accepted";
}

bool transferStateIsVoid(const QString& state)
{
    return state == u"rejected" || state == u"refused" || state == u"cancelled" || state == u"expired";
}

} // namespace cs::ui
