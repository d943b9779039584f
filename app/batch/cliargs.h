#pragma once

#include "common/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace cs::batch {

// `countersign-batch [global options] COMMAND [SUBCOMMAND] [options]`: options are `--name value` or
// a bare `--flag`; global ones may stand anywhere.
struct CliArgs {
    QStringList words;             // command and subcommand
    QMap<QString, QString> options; // without the leading dashes; flags map to "true"

    static Result<CliArgs> parse(const QStringList& arguments, const QStringList& flags);
    QString value(const QString& name, const QString& fallback = {}) const { return options.value(name, fallback); }
    bool has(const QString& name) const { return options.contains(name); }
};

} // namespace cs::batch
