// Throughput of the teller-facing money text paths: format, strict parse and Chinese capitals of
// 1,000,000 distinct CNY amounts. Built with the tests, run by hand: it checks what it measures (a
// parse that does not give back the formatted amount aborts) but its figures are not a pass/fail.

#include "money/amountformat.h"
#include "money/amountparser.h"
#include "money/money.h"

#include <QList>
#include <QString>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kAmounts = 1'000'000;
constexpr int kBlock = 10'000; // strings of one block stay in cache-sized memory, not 1M of them at once

// Spread over magnitudes from fen to hundreds of millions of yuan, as a day's postings are.
qint64 amountAt(quint64 &state)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL; // PCG's LCG step
    const quint64 bits = state >> 11;
    const int digits = static_cast<int>(bits % 12) + 1;
    quint64 limit = 1;
    for (int i = 0; i < digits; ++i)
        limit *= 10;
    return static_cast<qint64>((bits >> 4) % limit);
}

double nsPerOp(Clock::duration elapsed)
{
    return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()) / kAmounts;
}

} // namespace

int main()
{
    const cs::Currency cny = cs::Currency::cny();
    quint64 state = 20240601;
    Clock::duration formatTime{}, parseTime{}, capitalsTime{};
    qint64 checksum = 0;
    qsizetype capitalChars = 0;

    QList<cs::Money> amounts;
    QList<QString> texts;
    amounts.reserve(kBlock);
    texts.reserve(kBlock);
    for (int done = 0; done < kAmounts; done += kBlock) {
        amounts.clear();
        texts.clear();
        for (int i = 0; i < kBlock; ++i)
            amounts.append(cs::Money(amountAt(state), cny));

        auto start = Clock::now();
        for (const cs::Money &money : amounts)
            texts.append(cs::formatAmount(money));
        formatTime += Clock::now() - start;

        start = Clock::now();
        for (int i = 0; i < kBlock; ++i) {
            const auto parsed = cs::parseAmount(texts.at(i), cny);
            if (!parsed || !(*parsed == amounts.at(i))) {
                std::fprintf(stderr, "round trip failed for %s\n", qPrintable(texts.at(i)));
                return EXIT_FAILURE;
            }
            checksum += parsed->minor() & 0xff;
        }
        parseTime += Clock::now() - start;

        start = Clock::now();
        for (const cs::Money &money : amounts) {
            const auto written = cs::chineseCapitals(money);
            if (!written) {
                std::fprintf(stderr, "capitals failed: %s\n", qPrintable(written.error().code));
                return EXIT_FAILURE;
            }
            capitalChars += written->size();
        }
        capitalsTime += Clock::now() - start;
    }

    std::printf("amounts          %d\n", kAmounts);
    std::printf("formatAmount     %.1f ns/op\n", nsPerOp(formatTime));
    std::printf("parseAmount      %.1f ns/op\n", nsPerOp(parseTime));
    std::printf("chineseCapitals  %.1f ns/op\n", nsPerOp(capitalsTime));
    std::printf("all three        %.1f ns/op\n", nsPerOp(formatTime + parseTime + capitalsTime));
    std::printf("(checksum %lld, %lld capital characters)\n", static_cast<long long>(checksum),
                static_cast<long long>(capitalChars));
    return EXIT_SUCCESS;
}
