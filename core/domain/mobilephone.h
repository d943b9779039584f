#pragma once

#include "common/result.h"

#include <QString>

namespace cs {

// A mainland China mobile number (11 digits, 1[3-9]...), the only kind the SMS gateway reaches. Spaces,
// dashes and a leading +86 / 0086 are accepted and dropped. Invalid `notice.phone`, field "phone".
Result<QString> parseMobileNumber(const QString& text);

// 138****5678: what staff see in lists.
QString maskedMobileNumber(const QString& phone);

} // namespace cs
