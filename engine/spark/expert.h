// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/component_request.h"
#include "spark/generated_component.h"

namespace helios::spark {

class TokenPalette;
class Expert;

// What an expert gets besides the request: the tokens, and the other experts so that it
// can compose their output (a card with buttons asks the button expert for its part).
struct ExpertContext {
    const TokenPalette &palette;
    // Generates `part` (its family's expert, with the part's labels) as a component named
    // `name` whose files are placed in `folder` (the parent's folder), without stories or
    // index. The returned files' paths already start with `folder`.
    GeneratedComponent composePart(const ComposedPart &part, const QString &name, const QString &folder) const;
};

// An offline generator for one family: fills a structured component program from the
// request. Deterministic: the same request and palette give the same bytes.
class Expert {
public:
    virtual ~Expert() = default;
    virtual ExpertFamily family() const = 0;
    // The component's files: Name/Name.tsx (typed props, forwardRef where it fits, the
    // ARIA pattern's roles, labels and keyboard handling), Name/Name.module.css (only
    // palette.css() values), Name/Name.stories.tsx (Component Story Format, as the
    // react-library template's), Name/index.ts (exports the component and its types).
    // `asPart`: only the .tsx and .module.css, for composition.
    virtual GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context,
                                        bool asPart = false) const = 0;
};

// The expert of each family; every family has one.
const Expert &expertFor(ExpertFamily family);

} // namespace helios::spark
