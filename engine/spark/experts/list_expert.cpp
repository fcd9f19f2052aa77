// SPDX-License-Identifier: Apache-2.0
// STUB: replaced by the real expert.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"

namespace helios::spark {

namespace {

class ListExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::List; }
    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &, bool asPart) const override
    {
        const QString name = componentName(request, family());
        return assembleComponent(family(), name, {}, asPart);
    }
};

} // namespace

std::unique_ptr<Expert> makeListExpert()
{
    return std::make_unique<ListExpert>();
}

} // namespace helios::spark
