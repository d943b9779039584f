#include "batch/cliargs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::batch {

Result<CliArgs> CliArgs::parse(const QStringList& arguments, const QStringList& flags)
{
    CliArgs args;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& word = arguments.at(i);
        if (!word.startsWith(u"--"_s)) {
            args.words.append(word);
            continue;
        }
        QString name = word.mid(2);
        QString value;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        } else if (flags.contains(name)) {
            value = u"true"_s;
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        } else {
            return fail(Error::invalid(u"usage.missing_value"_s, name,
                                       QCoreApplication::translate("cs::batch", "The option --%1 needs a value.")
                                           .arg(name)));
        }
        if (name.isEmpty())
            return fail(Error::invalid(u"usage.bad_option"_s, {},
                                       QCoreApplication::translate("cs::batch", "An option has no name.")));
        args.options.insert(name, value);
    }
    return args;
}

} // namespace cs::batch
