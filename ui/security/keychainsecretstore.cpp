#include "security/keychainsecretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace cs::ui {
namespace {

// How long one keychain call may take: long enough for a desktop to ask the user to unlock the keyring.
constexpr auto jobTimeout = 120s;
const QString probeKey = u"countersign-availability-probe"_s;

Error unavailable(const QString& message)
{
    return Error::unavailable(u"secret.unavailable"_s, message);
}

Error emptyKey()
{
    return Error::invalid(u"secret.key"_s, u"key"_s,
                          QCoreApplication::translate("cs::SecretStore", "A secret needs a non-empty name."));
}

// Owns a job until it finishes. A job that did not finish in time is left to delete itself when it does,
// so a late answer from the keychain never lands on a destroyed object.
struct JobDeleter {
    bool finished = true;
    void operator()(QKeychain::Job* job) const
    {
        if (finished)
            delete job;
        else
            job->setAutoDelete(true);
    }
};

template <typename JobT>
using JobPtr = std::unique_ptr<JobT, JobDeleter>;

template <typename JobT>
JobPtr<JobT> makeJob(const QString& service, const QString& key)
{
    JobPtr<JobT> job(new JobT(service));
    job->setAutoDelete(false);
    // Never a plaintext QSettings copy when the secret service is missing.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Starts `job` and waits for its `finished` in a local event loop. False when it timed out.
template <typename JobT>
bool run(JobPtr<JobT>& job)
{
    bool done = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&done, &loop] {
        done = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!done) {
        timer.start(jobTimeout);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    job.get_deleter().finished = done;
    return done;
}

Error noEventLoop()
{
    return unavailable(QCoreApplication::translate(
        "cs::ui::KeychainSecretStore", "The system keychain can only be used while the application is running."));
}

Error timedOut()
{
    return unavailable(QCoreApplication::translate(
        "cs::ui::KeychainSecretStore",
        "The system keychain did not answer in time. Unlock the keyring and try again."));
}

// The keychain's failure as a typed error. Everything but a missing entry means the keychain cannot be
// used right now: `secret.unavailable`, with the backend's own detail appended.
Error toError(const QKeychain::Job& job, const QString& key)
{
    const QString detail = job.errorString().isEmpty() ? u"-"_s : job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error::notFound(
            u"secret.not_found"_s, {},
            QCoreApplication::translate("cs::SecretStore", "No secret is stored under “%1”.").arg(key));
    case QKeychain::AccessDeniedByUser:
        return unavailable(QCoreApplication::translate(
                               "cs::ui::KeychainSecretStore",
                               "Access to the system keychain was refused by the user (%1).")
                               .arg(detail));
    case QKeychain::AccessDenied:
        return unavailable(QCoreApplication::translate(
                               "cs::ui::KeychainSecretStore",
                               "The system keychain refused access; it may be locked (%1).")
                               .arg(detail));
    case QKeychain::CouldNotDeleteEntry:
        return unavailable(QCoreApplication::translate(
                               "cs::ui::KeychainSecretStore",
                               "The secret “%1” could not be removed from the system keychain (%2).")
                               .arg(key, detail));
    case QKeychain::NoBackendAvailable: // no secret service at all
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:         // e.g. no D-Bus session, or no collection to write to
    case QKeychain::NoError:
        break;
    }
    return unavailable(QCoreApplication::translate(
                           "cs::ui::KeychainSecretStore",
                           "The system keychain (secret service) is not available, so no secret can be kept "
                           "safely on this computer. Start the desktop keyring (for example gnome-keyring) "
                           "and try again (%1).")
                           .arg(detail));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

bool KeychainSecretStore::isAvailable() const
{
    if (m_available)
        return *m_available;
    if (!QCoreApplication::instance())
        return false;
    bool available = false;
    auto writer = makeJob<QKeychain::WritePasswordJob>(m_service, probeKey);
    writer->setBinaryData("probe"_ba);
    if (run(writer) && writer->error() == QKeychain::NoError) {
        auto deleter = makeJob<QKeychain::DeletePasswordJob>(m_service, probeKey);
        available = run(deleter) && deleter->error() == QKeychain::NoError;
    }
    m_available = available;
    return available;
}

Result<QByteArray> KeychainSecretStore::read(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyKey());
    if (!QCoreApplication::instance())
        return fail(noEventLoop());
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    if (!run(job))
        return fail(timedOut());
    if (job->error() != QKeychain::NoError)
        return fail(toError(*job, key));
    return job->binaryData();
}

Status KeychainSecretStore::write(const QString& key, const QByteArray& secret)
{
    if (key.isEmpty())
        return fail(emptyKey());
    if (!QCoreApplication::instance())
        return fail(noEventLoop());
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(secret);
    if (!run(job))
        return fail(timedOut());
    if (job->error() != QKeychain::NoError)
        return fail(toError(*job, key));
    m_available = true;
    return {};
}

Status KeychainSecretStore::remove(const QString& key)
{
    if (key.isEmpty())
        return fail(emptyKey());
    if (!QCoreApplication::instance())
        return fail(noEventLoop());
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    if (!run(job))
        return fail(timedOut());
    // Removing what is not there leaves the keychain as asked.
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return fail(toError(*job, key));
    return {};
}

} // namespace cs::ui
