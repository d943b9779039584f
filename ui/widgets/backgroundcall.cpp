#include "widgets/backgroundcall.h"

#include <QWidget>

namespace cs::ui {

BackgroundCall::BackgroundCall(QWidget* form)
    : m_form(form)
{
}

BackgroundCall::~BackgroundCall()
{
    if (m_worker)
        m_worker->wait();
}

void BackgroundCall::setBusyWidgets(const QList<QWidget*>& widgets)
{
    m_busyWidgets = widgets;
}

void BackgroundCall::setBusyIndicator(QWidget* indicator)
{
    m_busyIndicator = indicator;
}

void BackgroundCall::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* widget : std::as_const(m_busyWidgets))
        widget->setEnabled(!busy);
    if (m_busyIndicator)
        m_busyIndicator->setVisible(busy);
    if (busy)
        m_form->setCursor(Qt::BusyCursor);
    else
        m_form->unsetCursor();
}

} // namespace cs::ui
