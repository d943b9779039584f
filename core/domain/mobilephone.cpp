#include "domain/mobilephone.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs {

Result<QString> parseMobileNumber(const QString& text)
{
    QString digits = text.trimmed();
    digits.remove(u' ').remove(u'-');
    if (digits.startsWith(u"+86"_s))
        digits.remove(0, 3);
    else if (digits.startsWith(u"0086"_s))
        digits.remove(0, 4);
    static const QRegularExpression mobile(u"^1[3-9][0-9]{9}$"_s);
    if (!mobile.match(digits).hasMatch())
        return fail(Error::invalid(u"notice.phone"_s, u"phone"_s,
                                   QCoreApplication::translate("cs::Notices",
                                                               "The phone must be a mainland mobile number of 11 digits "
                                                               "starting with 13 to 19, e.g. 13812345678.")));
    return digits;
}

QString maskedMobileNumber(const QString& phone)
{
    if (phone.size() != 11)
        return QString(phone.size(), u'*');
    return phone.left(3) + u"****"_s + phone.right(4);
}

} // namespace cs
