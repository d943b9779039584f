#include "admin/settingsdelegate.h"

#include "admin/settingsmodel.h"

#include <QLineEdit>
#include <QSpinBox>
#include <QTimeEdit>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

QString timeFormat()
{
    return u"HH:mm"_s;
}

int clampToInt(qint64 value)
{
    return static_cast<int>(std::clamp<qint64>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

SettingsDelegate::SettingsDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QWidget* SettingsDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const
{
    const auto* model = qobject_cast<const SettingsModel*>(index.model());
    if (!model || index.column() != SettingsModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const SettingDefinition& definition = model->rowAt(index.row()).setting.definition;
    QWidget* editor = nullptr;
    switch (definition.kind) {
    case SettingDefinition::Kind::Money: {
        auto* edit = new QLineEdit(parent);
        edit->setMaxLength(32);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        edit->setToolTip(SettingsModel::rangeText(definition));
        if (onAmountTyped)
            connect(edit, &QLineEdit::textEdited, edit, [callback = onAmountTyped](const QString& text) { callback(text); });
        editor = edit;
        break;
    }
    case SettingDefinition::Kind::Count:
    case SettingDefinition::Kind::Minutes:
    case SettingDefinition::Kind::Days: {
        auto* spin = new QSpinBox(parent);
        spin->setRange(clampToInt(definition.min), clampToInt(std::max(definition.min, definition.max)));
        spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        spin->setAccelerated(true);
        editor = spin;
        break;
    }
    case SettingDefinition::Kind::TimeOfDay: {
        auto* time = new QTimeEdit(parent);
        time->setDisplayFormat(timeFormat());
        time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        editor = time;
        break;
    }
    }
    editor->setObjectName(u"settingValueEditor"_s);
    editor->setAutoFillBackground(true);
    m_openEditor = editor;
    if (onEditorOpened)
        onEditorOpened();
    return editor;
}

void SettingsDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(value);
        edit->selectAll();
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
        spin->selectAll();
    } else if (auto* time = qobject_cast<QTimeEdit*>(editor)) {
        time->setTime(QTime::fromString(value, timeFormat()));
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void SettingsDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        model->setData(index, edit->text());
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, QString::number(spin->value()));
    } else if (auto* time = qobject_cast<QTimeEdit*>(editor)) {
        model->setData(index, time->time().toString(timeFormat()));
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void SettingsDelegate::commitOpenEditor()
{
    if (QWidget* editor = m_openEditor.data()) {
        emit commitData(editor);
        emit closeEditor(editor, QAbstractItemDelegate::NoHint);
    }
}

} // namespace cs::ui
