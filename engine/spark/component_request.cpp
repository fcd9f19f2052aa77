// SPDX-License-Identifier: Apache-2.0
// STUB: replaced by the prompt reader.
#include "spark/component_request.h"

namespace helios::spark {

Result<ComponentRequest> readComponentRequest(const QString &prompt)
{
    ComponentRequest request;
    request.prompt = prompt.trimmed();
    if (request.prompt.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the prompt is empty"));
    return request;
}

} // namespace helios::spark
