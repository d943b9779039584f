#pragma once

#include "shell/workspaces.h"

#include <QWidget>

class QLabel;

namespace cs::ui {

// A workspace that has no content yet: its title and a one-line description. Object name
// "<key>Page" (e.g. "counterPage").
class WorkspacePage : public QWidget {
    Q_OBJECT
public:
    explicit WorkspacePage(Workspace workspace, QWidget* parent = nullptr);

    Workspace workspace() const { return m_workspace; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Workspace m_workspace;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
};

} // namespace cs::ui
