// Placeholder until wip-merchant (the merchant helper's MerchantService) is merged: settles nothing.
// Deleted at that merge.
#include "services/merchantservice.h"

using namespace Qt::StringLiterals;

namespace cs {

Result<QJsonObject> MerchantService::settleDueIn(UnitOfWork&, const Session&, const QDate&)
{
    return QJsonObject{{u"merchants"_s, 0}, {u"gross"_s, u"0.00"_s}, {u"fees"_s, u"0.00"_s},
                       {u"refunds"_s, u"0.00"_s}, {u"net"_s, u"0.00"_s}};
}

} // namespace cs
