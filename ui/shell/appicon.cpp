#include "shell/appicon.h"

using namespace Qt::StringLiterals;

namespace cs::ui {

QIcon applicationIcon() { return QIcon(u":/icons/countersign.svg"_s); }

} // namespace cs::ui
