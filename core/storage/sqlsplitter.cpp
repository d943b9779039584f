#include "storage/migrator.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cs {
namespace {

// True when the statement so far is a CREATE TRIGGER whose BEGIN ... END body is still open, so a `;`
// inside the body does not end the statement (SQLite triggers hold several statements).
bool insideTriggerBody(const QString& statement)
{
    static const QRegularExpression createTrigger(
        u"^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"_s, QRegularExpression::CaseInsensitiveOption);
    if (!createTrigger.match(statement).hasMatch())
        return false;
    static const QRegularExpression words(u"\\b(BEGIN|END|CASE)\\b"_s, QRegularExpression::CaseInsensitiveOption);
    int depth = 0;
    auto it = words.globalMatch(statement);
    while (it.hasNext()) {
        const QString word = it.next().captured(1).toUpper();
        if (word == u"BEGIN"_s || word == u"CASE"_s)
            ++depth;
        else
            --depth;
    }
    return depth > 0;
}

} // namespace

QStringList splitSqlStatements(const QString& script)
{
    QStringList statements;
    QString current;   // the statement so far, comments removed
    const qsizetype n = script.size();
    qsizetype i = 0;
    auto flush = [&] {
        const QString trimmed = current.trimmed();
        if (!trimmed.isEmpty())
            statements.append(trimmed);
        current.clear();
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            while (i < n && script.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            i = end < 0 ? n : end + 2;
            current.append(u' ');
            continue;
        }
        if (c == u'\'' || c == u'"') {
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) { // doubled quote inside the literal
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current.append(script.mid(i, j - i + 1));
            i = j + 1;
            continue;
        }
        if (c == u'$') {
            static const QRegularExpression tag(u"\\G\\$([A-Za-z_][A-Za-z0-9_]*)?\\$"_s);
            const auto match = tag.match(script, i);
            if (match.hasMatch()) {
                const QString delimiter = match.captured(0);
                const qsizetype end = script.indexOf(delimiter, i + delimiter.size());
                const qsizetype stop = end < 0 ? n : end + delimiter.size();
                current.append(script.mid(i, stop - i));
                i = stop;
                continue;
            }
        }
        if (c == u';' && !insideTriggerBody(current)) {
            flush();
            ++i;
            continue;
        }
        current.append(c);
        ++i;
    }
    flush();
    return statements;
}

} // namespace cs
