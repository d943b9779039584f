// countersign-bench statement: filled in with the Counter's statement model.
#include "benchcommon.h"

namespace cs::bench {
int runStatement(const Options&)
{
    usage("statement is not built yet");
}
} // namespace cs::bench
