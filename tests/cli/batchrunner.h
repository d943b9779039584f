#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace cs::test {

// countersign-batch run as a script would: its exit code, and the JSON it printed on each stream.
struct BatchRun {
    int exitCode = -1;
    bool crashed = false; // killed by a signal (the end of day's abort hooks)
    QJsonObject out;
    QJsonObject err;
    QByteArray rawOut;
    QByteArray rawErr;
};

inline BatchRun runBatch(const QStringList& arguments, const QMap<QString, QString>& env = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"COUNTERSIGN_DB", "COUNTERSIGN_PASSWORD", "COUNTERSIGN_NEW_PASSWORD", "COUNTERSIGN_CARD_KEY",
                             "COUNTERSIGN_PIN", "COUNTERSIGN_NEW_PIN", "COUNTERSIGN_PAN"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(COUNTERSIGN_BATCH_EXE), arguments);
    BatchRun run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitCode();
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.rawOut = process.readAllStandardOutput();
    run.rawErr = process.readAllStandardError();
    run.out = QJsonDocument::fromJson(run.rawOut).object();
    run.err = QJsonDocument::fromJson(run.rawErr).object();
    return run;
}

} // namespace cs::test
