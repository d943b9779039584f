#include "notify/retrypolicy.h"

#include <algorithm>

namespace cs {

qint64 RetryPolicy::delayMs(int failures, quint32 random) const
{
    if (baseMs <= 0 || failures < 1)
        return 0;
    qint64 d = baseMs;
    for (int i = 1; i < failures && d < maxMs; ++i)
        d *= 2;
    // Below 2^31 ms (24 days) the product with a 32-bit random number fits 64 bits.
    d = std::min({d, maxMs, qint64(1) << 31});
    const qint64 half = d / 2;
    const quint64 spread = quint64(d - half);
    return half + static_cast<qint64>((spread * random) >> 32);
}

} // namespace cs
