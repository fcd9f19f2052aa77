// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios {

// The value of one hexadecimal digit, or -1: for parsers of JSON escapes and URL
// percent-escapes, which must not depend on the locale.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace helios
