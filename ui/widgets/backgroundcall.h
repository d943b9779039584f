#pragma once

#include "common/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <memory>
#include <optional>
#include <type_traits>

class QWidget;

namespace cs::ui {

// A service call that must not freeze the window (password hashing is slow on purpose, a connection
// test waits for the network) runs on a thread of its own while its form is busy: the form's inputs
// are disabled, its busy indicator shows and the cursor is busy. The result comes back on the GUI
// thread. One call at a time per form; hold it as a member of the form.
class BackgroundCall {
public:
    explicit BackgroundCall(QWidget* form);
    // The work only touches its own copies; still, let it finish before the form goes away.
    ~BackgroundCall();
    BackgroundCall(const BackgroundCall&) = delete;
    BackgroundCall& operator=(const BackgroundCall&) = delete;

    // Disabled while a call runs, in this order (it decides where the focus goes meanwhile).
    void setBusyWidgets(const QList<QWidget*>& widgets);
    // Shown while a call runs (may be null).
    void setBusyIndicator(QWidget* indicator);
    bool isBusy() const { return m_busy; }

    // Runs `work` (which returns a Result) on a thread called `threadName`. When it ends, the form is no
    // longer busy and `done` gets the result on the form's thread, or `noResult` if the work gave none.
    template <typename Work, typename Done>
    void start(const QString& threadName, Work work, const Error& noResult, Done done);

private:
    void setBusy(bool busy);

    QWidget* m_form = nullptr;
    QList<QWidget*> m_busyWidgets;
    QWidget* m_busyIndicator = nullptr;
    bool m_busy = false;
    QPointer<QThread> m_worker;
};

template <typename Work, typename Done>
void BackgroundCall::start(const QString& threadName, Work work, const Error& noResult, Done done)
{
    using Outcome = std::invoke_result_t<Work&>;
    setBusy(true);
    auto outcome = std::make_shared<std::optional<Outcome>>();
    QThread* worker = QThread::create([work = std::move(work), outcome]() mutable { *outcome = work(); });
    worker->setObjectName(threadName);
    // `finished` comes from the worker thread and is queued to the form's (GUI) thread.
    QObject::connect(worker, &QThread::finished, m_form, [this, outcome, noResult, done = std::move(done)] {
        setBusy(false);
        if (outcome->has_value())
            done(std::move(**outcome));
        else
            done(Outcome(fail(noResult)));
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    worker->start();
}

} // namespace cs::ui
