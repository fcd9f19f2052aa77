// SPDX-License-Identifier: Apache-2.0
// STUB: replaced by the real expert.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"

namespace helios::spark {

namespace {

class ChoiceExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Choice; }
    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &, bool asPart) const override
    {
        const QString name = componentName(request, family());
        return assembleComponent(family(), name, {}, asPart);
    }
};

} // namespace

std::unique_ptr<Expert> makeChoiceExpert()
{
    return std::make_unique<ChoiceExpert>();
}

} // namespace helios::spark
