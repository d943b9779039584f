#include "domain/pan.h"

#include "domain/luhn.h"

namespace cs::pan {

namespace {

bool allDigits(QStringView text)
{
    for (QChar c : text)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return !text.isEmpty();
}

} // namespace

std::optional<QString> compose(QStringView bin, qint64 sequence, int length)
{
    if (bin.size() < 6 || bin.size() > 8 || !allDigits(bin) || length < 16 || length > 19 || sequence < 0)
        return std::nullopt;
    const int sequenceDigits = length - int(bin.size()) - 1;
    const QString body = QString::number(sequence).rightJustified(sequenceDigits, u'0');
    if (body.size() != sequenceDigits)
        return std::nullopt; // the sequence has outgrown this BIN
    const QString withoutCheck = bin.toString() + body;
    const auto check = luhnCheckDigit(withoutCheck);
    if (!check)
        return std::nullopt;
    return withoutCheck + QChar(u'0' + *check);
}

bool validOwn(QStringView pan, QStringView bin)
{
    return pan.size() >= 16 && pan.size() <= 19 && allDigits(pan) && !bin.isEmpty() && pan.startsWith(bin)
           && luhnValid(pan);
}

QString normalised(QStringView typed)
{
    QString out;
    out.reserve(typed.size());
    for (QChar c : typed)
        if (c != u' ' && c != u'-')
            out += c;
    return out;
}

bool plausibleForeign(QStringView typed)
{
    const QString digits = normalised(typed);
    return digits.size() >= 13 && digits.size() <= 19 && allDigits(digits);
}

QString masked(QStringView pan)
{
    if (pan.size() < 11)
        return QString(pan.size(), u'*');
    return pan.first(6).toString() + QString(pan.size() - 10, u'*') + pan.last(4).toString();
}

} // namespace cs::pan
