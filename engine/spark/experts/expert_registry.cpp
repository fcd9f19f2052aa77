// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/experts.h"

#include "spark/token_palette.h"

#include <array>

namespace helios::spark {

namespace {

// In ExpertFamily order; built on first use, immutable after, so safe from any thread.
const std::array<std::unique_ptr<Expert>, expertFamilies.size()> &registry()
{
    static const std::array<std::unique_ptr<Expert>, expertFamilies.size()> experts{{
        makeButtonExpert(),
        makeTextFieldExpert(),
        makeSelectExpert(),
        makeChoiceExpert(),
        makeCardExpert(),
        makeDialogExpert(),
        makeNavigationBarExpert(),
        makeTabsExpert(),
        makeTableExpert(),
        makeListExpert(),
        makeAlertExpert(),
        makeBadgeExpert(),
        makeHeroExpert(),
        makeLayoutExpert(),
        makePaginationExpert(),
        makeAccordionExpert(),
        makeTooltipExpert(),
    }};
    return experts;
}

} // namespace

const Expert &expertFor(ExpertFamily family)
{
    return *registry()[static_cast<std::size_t>(family)];
}

GeneratedComponent ExpertContext::composePart(const ComposedPart &part, const QString &name, const QString &folder) const
{
    ComponentRequest request;
    request.name = name;
    request.labels = part.labels;
    request.count = part.count;
    GeneratedComponent generated = expertFor(part.family).generate(request, *this, /*asPart=*/true);
    const QString prefix = generated.name + QLatin1Char('/');
    for (GeneratedFile &file : generated.files) {
        if (file.path.startsWith(prefix))
            file.path = folder + QLatin1Char('/') + file.path.mid(prefix.size());
    }
    return generated;
}

} // namespace helios::spark
