// SPDX-License-Identifier: Apache-2.0
// STUB: replaced by the real expert.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"

namespace helios::spark {

namespace {

class DialogExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Dialog; }
    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &, bool asPart) const override
    {
        const QString name = componentName(request, family());
        return assembleComponent(family(), name, {}, asPart);
    }
};

} // namespace

std::unique_ptr<Expert> makeDialogExpert()
{
    return std::make_unique<DialogExpert>();
}

} // namespace helios::spark
