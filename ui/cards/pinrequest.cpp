#include "cards/pinrequest.h"

#include "widgets/formwidgets.h"

#include <QCoreApplication>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QDialog* createWaitDialog(QWidget* teller)
{
    auto* dialog = new QDialog(teller);
    dialog->setObjectName(u"pinWaitDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(QCoreApplication::translate("cs::ui::PinRequest", "PIN entry"));

    auto* label = new QLabel(QCoreApplication::translate("cs::ui::PinRequest", "Waiting for the customer's PIN…"), dialog);
    label->setObjectName(u"pinWaitLabel"_s);
    setTitleFont(label, 1.15);
    auto* note = new QLabel(QCoreApplication::translate("cs::ui::PinRequest", "The customer types it on the PIN pad; it never shows here. Esc cancels."), dialog);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* busy = new QProgressBar(dialog);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setFixedHeight(6);
    QPushButton* cancel = createDialogButton(u"pinWaitCancelButton"_s, dialog, true);
    cancel->setText(QCoreApplication::translate("cs::ui::PinRequest", "Cancel"));
    QObject::connect(cancel, &QPushButton::clicked, dialog, &QDialog::reject);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    auto* layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(label);
    layout->addWidget(note);
    layout->addWidget(busy);
    layout->addLayout(buttons);
    dialog->setMinimumWidth(380);
    return dialog;
}

} // namespace

void requestCustomerPin(PinPad& pad, PinPad::Purpose purpose, const QString& prompt, QWidget* teller,
                        PinPad::Done done)
{
    if (pad.busy()) {
        done(PinPad::Entry{});
        return;
    }
    QPointer<QDialog> dialog = createWaitDialog(teller);
    QPointer<PinPad> padAlive(&pad);
    // The teller's Esc (or Cancel) ends the customer's entry as cancelled; the pad then answers below.
    QObject::connect(dialog, &QDialog::rejected, &pad, [padAlive] {
        if (padAlive)
            padAlive->cancel();
    });
    QPointer<QWidget> tellerAlive(teller);
    dialog->open();
    pad.request(purpose, prompt, [dialog, tellerAlive, done = std::move(done)](PinPad::Entry&& entry) mutable {
        if (dialog) {
            QObject::disconnect(dialog, &QDialog::rejected, nullptr, nullptr);
            dialog->done(QDialog::Accepted);
        }
        // The pad's window had the keyboard; the teller's window gets it back.
        if (tellerAlive)
            tellerAlive->window()->activateWindow();
        done(std::move(entry));
    });
}

} // namespace cs::ui
