// SPDX-License-Identifier: Apache-2.0
#include "slate/lint/srgb_color.h"

#include "slate/json_value.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>

namespace helios::slate {

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

Vec3 mul(const Mat3 &m, const Vec3 &v)
{
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

// Matrices of CSS Color 4 (linear RGB of each space to CIE XYZ, D65 unless noted).
constexpr Mat3 xyzD65ToLinearSrgb{{{3.2409699419045226, -1.537383177570094, -0.4986107602930034},
                                   {-0.9692436362808796, 1.8759675015077202, 0.04155505740717559},
                                   {0.05563007969699366, -0.20397695888897652, 1.0569715142428786}}};
constexpr Mat3 displayP3ToXyz{{{0.4865709486482162, 0.26566769316909306, 0.1982172852343625},
                               {0.2289745640697488, 0.6917385218365064, 0.079286914093745},
                               {0.0, 0.04511338185890264, 1.043944368900976}}};
constexpr Mat3 a98ToXyz{{{0.5766690429101305, 0.1855582379065463, 0.1882286462349947},
                         {0.29734497525053605, 0.6273635662554661, 0.07529145849399788},
                         {0.02703136138641234, 0.07068885253582723, 0.9913375368376388}}};
constexpr Mat3 rec2020ToXyz{{{0.6369580483012914, 0.14461690358620832, 0.1688809751641721},
                             {0.2627002120112671, 0.6779980715188708, 0.05930171646986196},
                             {0.0, 0.028072693049087428, 1.060985057710791}}};
constexpr Mat3 prophotoToXyzD50{{{0.7977604896723027, 0.13518583717574031, 0.0313493495815248},
                                 {0.2880711282292934, 0.7118432178101014, 0.00008565396060525902},
                                 {0.0, 0.0, 0.8251046025104601}}};
constexpr Mat3 bradfordD50ToD65{{{0.9554734527042182, -0.023098536874261423, 0.0632593086610217},
                                 {-0.028369706963208136, 1.0099954580058226, 0.021041398966943008},
                                 {0.012314001688319899, -0.020507696433477912, 1.3303659366080753}}};
constexpr Vec3 whiteD50{0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585};

// The sign is kept so that out-of-gamut (negative) channels survive the round trip.
double srgbDecode(double c)
{
    const double a = std::abs(c);
    const double v = a <= 0.04045 ? a / 12.92 : std::pow((a + 0.055) / 1.055, 2.4);
    return std::copysign(v, c);
}

double srgbEncode(double c)
{
    const double a = std::abs(c);
    const double v = a <= 0.0031308 ? a * 12.92 : 1.055 * std::pow(a, 1.0 / 2.4) - 0.055;
    return std::copysign(v, c);
}

Vec3 linearSrgbFromXyzD50(const Vec3 &xyz)
{
    return mul(xyzD65ToLinearSrgb, mul(bradfordD50ToD65, xyz));
}

Vec3 linearSrgbFromLab(double l, double a, double b)
{
    constexpr double kappa = 24389.0 / 27.0;
    constexpr double epsilon = 216.0 / 24389.0;
    const double f1 = (l + 16.0) / 116.0;
    const double f0 = a / 500.0 + f1;
    const double f2 = f1 - b / 200.0;
    const double x = f0 * f0 * f0 > epsilon ? f0 * f0 * f0 : (116.0 * f0 - 16.0) / kappa;
    const double y = l > kappa * epsilon ? f1 * f1 * f1 : l / kappa;
    const double z = f2 * f2 * f2 > epsilon ? f2 * f2 * f2 : (116.0 * f2 - 16.0) / kappa;
    return linearSrgbFromXyzD50({x * whiteD50[0], y * whiteD50[1], z * whiteD50[2]});
}

Vec3 linearSrgbFromOklab(double l, double a, double b)
{
    const double l1 = l + 0.3963377774 * a + 0.2158037573 * b;
    const double m1 = l - 0.1055613458 * a - 0.0638541728 * b;
    const double s1 = l - 0.0894841775 * a - 1.2914855480 * b;
    const double lc = l1 * l1 * l1, mc = m1 * m1 * m1, sc = s1 * s1 * s1;
    return {4.0767416621 * lc - 3.3077115913 * mc + 0.2309699292 * sc,
            -1.2684380046 * lc + 2.6097574011 * mc - 0.3413193965 * sc,
            -0.0041960863 * lc - 0.7034186147 * mc + 1.7076147010 * sc};
}

// h in degrees, s and l from 0 to 1; returns gamma-encoded sRGB.
Vec3 srgbFromHsl(double h, double s, double l)
{
    h = std::fmod(h, 360.0);
    if (h < 0)
        h += 360.0;
    auto f = [&](double n) {
        const double k = std::fmod(n + h / 30.0, 12.0);
        const double a = s * std::min(l, 1.0 - l);
        return l - a * std::max(-1.0, std::min({k - 3.0, 9.0 - k, 1.0}));
    };
    return {f(0), f(8), f(4)};
}

Vec3 srgbFromHwb(double h, double w, double b)
{
    if (w + b >= 1.0) {
        const double gray = w / (w + b);
        return {gray, gray, gray};
    }
    Vec3 rgb = srgbFromHsl(h, 1.0, 0.5);
    for (double &c : rgb)
        c = c * (1.0 - w - b) + w;
    return rgb;
}

Vec3 encoded(const Vec3 &linear)
{
    return {srgbEncode(linear[0]), srgbEncode(linear[1]), srgbEncode(linear[2])};
}

Vec3 decodedWith(const Vec3 &c, double (*transfer)(double))
{
    return {transfer(c[0]), transfer(c[1]), transfer(c[2])};
}

double a98Decode(double c) { return std::copysign(std::pow(std::abs(c), 563.0 / 256.0), c); }

double prophotoDecode(double c)
{
    const double a = std::abs(c);
    return std::copysign(a <= 16.0 / 512.0 ? a / 16.0 : std::pow(a, 1.8), c);
}

double rec2020Decode(double c)
{
    constexpr double alpha = 1.09929682680944;
    constexpr double beta = 0.018053968510807;
    const double a = std::abs(c);
    return std::copysign(a < beta * 4.5 ? a / 4.5 : std::pow((a + alpha - 1.0) / alpha, 1.0 / 0.45), c);
}

// Gamma-encoded sRGB of `c` given in `space`; nullopt for an unknown space.
std::optional<Vec3> toSrgb(QStringView space, const Vec3 &c)
{
    auto polar = [](double chroma, double hueDegrees, double &a, double &b) {
        const double h = hueDegrees * M_PI / 180.0;
        a = chroma * std::cos(h);
        b = chroma * std::sin(h);
    };
    if (space == u"srgb")
        return c;
    if (space == u"srgb-linear")
        return encoded(c);
    if (space == u"hsl")
        return srgbFromHsl(c[0], c[1] / 100.0, c[2] / 100.0);
    if (space == u"hwb")
        return srgbFromHwb(c[0], c[1] / 100.0, c[2] / 100.0);
    if (space == u"lab")
        return encoded(linearSrgbFromLab(c[0], c[1], c[2]));
    if (space == u"lch") {
        double a = 0, b = 0;
        polar(c[1], c[2], a, b);
        return encoded(linearSrgbFromLab(c[0], a, b));
    }
    if (space == u"oklab")
        return encoded(linearSrgbFromOklab(c[0], c[1], c[2]));
    if (space == u"oklch") {
        double a = 0, b = 0;
        polar(c[1], c[2], a, b);
        return encoded(linearSrgbFromOklab(c[0], a, b));
    }
    if (space == u"display-p3")
        return encoded(mul(xyzD65ToLinearSrgb, mul(displayP3ToXyz, decodedWith(c, srgbDecode))));
    if (space == u"a98-rgb")
        return encoded(mul(xyzD65ToLinearSrgb, mul(a98ToXyz, decodedWith(c, a98Decode))));
    if (space == u"rec2020")
        return encoded(mul(xyzD65ToLinearSrgb, mul(rec2020ToXyz, decodedWith(c, rec2020Decode))));
    if (space == u"prophoto-rgb")
        return encoded(linearSrgbFromXyzD50(mul(prophotoToXyzD50, decodedWith(c, prophotoDecode))));
    if (space == u"xyz-d65" || space == u"xyz")
        return encoded(mul(xyzD65ToLinearSrgb, c));
    if (space == u"xyz-d50")
        return encoded(linearSrgbFromXyzD50(c));
    return std::nullopt;
}

int hexDigit(QChar ch)
{
    const char16_t c = ch.unicode();
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

std::optional<SrgbColor> fromHex(QStringView text)
{
    const qsizetype n = text.size() - 1;
    if (n != 3 && n != 4 && n != 6 && n != 8)
        return std::nullopt;
    std::array<double, 4> channel{0, 0, 0, 1};
    const bool shortForm = n <= 4;
    const qsizetype count = shortForm ? n : n / 2;
    for (qsizetype i = 0; i < count; ++i) {
        int v = 0;
        if (shortForm) {
            const int d = hexDigit(text[1 + i]);
            if (d < 0)
                return std::nullopt;
            v = d * 17;
        } else {
            const int hi = hexDigit(text[1 + 2 * i]);
            const int lo = hexDigit(text[2 + 2 * i]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            v = hi * 16 + lo;
        }
        channel[size_t(i)] = v / 255.0;
    }
    return SrgbColor{channel[0], channel[1], channel[2], channel[3]};
}

// One channel of a CSS function: "50%", "0.5", "120deg", "none". `percentScale` is what 100%
// means for this channel.
std::optional<double> cssNumber(QStringView part, double percentScale)
{
    if (part == u"none")
        return 0.0;
    double scale = 1.0;
    if (part.endsWith(QLatin1Char('%'))) {
        part.chop(1);
        scale = percentScale / 100.0;
    } else if (part.endsWith(u"deg")) {
        part.chop(3);
    }
    bool ok = false;
    const double v = part.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v * scale;
}

// rgb()/rgba()/hsl()/hsla(), comma or space separated, optional "/ alpha".
std::optional<SrgbColor> fromCssFunction(QStringView text)
{
    const qsizetype open = text.indexOf(QLatin1Char('('));
    if (open < 0 || !text.endsWith(QLatin1Char(')')))
        return std::nullopt;
    const QStringView name = text.left(open).trimmed();
    const bool rgb = name == u"rgb" || name == u"rgba";
    const bool hsl = name == u"hsl" || name == u"hsla";
    if (!rgb && !hsl)
        return std::nullopt;
    QString body = text.mid(open + 1, text.size() - open - 2).toString();
    body.replace(QLatin1Char(','), QLatin1Char(' ')).replace(QLatin1Char('/'), QLatin1StringView(" / "));
    const QStringList parts = body.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList channels;
    QString alphaText;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i] == QLatin1StringView("/")) {
            if (i + 2 != parts.size())
                return std::nullopt;
            alphaText = parts[i + 1];
            break;
        }
        channels.append(parts[i]);
    }
    if (channels.size() == 4 && alphaText.isEmpty())
        alphaText = channels.takeLast();
    if (channels.size() != 3)
        return std::nullopt;
    std::array<double, 3> c{};
    for (int i = 0; i < 3; ++i) {
        const auto v = cssNumber(channels[i], rgb ? 255.0 : 100.0);
        if (!v)
            return std::nullopt;
        c[size_t(i)] = *v;
    }
    double alpha = 1.0;
    if (!alphaText.isEmpty()) {
        const auto a = cssNumber(alphaText, 1.0);
        if (!a)
            return std::nullopt;
        alpha = std::clamp(*a, 0.0, 1.0);
    }
    if (rgb)
        return SrgbColor{c[0] / 255.0, c[1] / 255.0, c[2] / 255.0, alpha};
    const Vec3 v = srgbFromHsl(c[0], c[1] / 100.0, c[2] / 100.0);
    return SrgbColor{v[0], v[1], v[2], alpha};
}

QString hexByte(double v)
{
    const int byte = int(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
    return QString::number(byte, 16).rightJustified(2, QLatin1Char('0'));
}

} // namespace

std::optional<SrgbColor> SrgbColor::fromText(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('#')))
        return fromHex(text);
    return fromCssFunction(text);
}

std::optional<SrgbColor> SrgbColor::fromValue(const JsonValue &value)
{
    if (value.isString())
        return fromText(value.toString());
    if (!value.isObject())
        return std::nullopt;
    const JsonValue *space = value.member(u"colorSpace");
    const JsonValue *components = value.member(u"components");
    if (!space || !space->isString() || !components || !components->isArray() || components->children().size() != 3)
        return std::nullopt;
    Vec3 c{};
    for (size_t i = 0; i < 3; ++i) {
        const JsonValue &channel = components->children()[i];
        if (channel.isNumber() && std::isfinite(channel.toNumber()))
            c[i] = channel.toNumber();
        else if (!(channel.isString() && channel.toString() == QLatin1StringView("none")))
            return std::nullopt;
    }
    double alpha = 1.0;
    if (const JsonValue *a = value.member(u"alpha")) {
        if (!a->isNumber() || !std::isfinite(a->toNumber()))
            return std::nullopt;
        alpha = std::clamp(a->toNumber(), 0.0, 1.0);
    }
    const auto rgb = toSrgb(space->toString(), c);
    if (!rgb)
        return std::nullopt;
    return SrgbColor{(*rgb)[0], (*rgb)[1], (*rgb)[2], alpha};
}

bool SrgbColor::inGamut() const
{
    // Conversions through XYZ lose ~1e-7; anything that rounds into sRGB at 16 bits is in.
    constexpr double tolerance = 1e-5;
    for (double c : {r, g, b}) {
        if (!(c >= -tolerance && c <= 1.0 + tolerance))
            return false;
    }
    return true;
}

SrgbColor SrgbColor::clamped() const
{
    auto clip = [](double c) { return std::isfinite(c) ? std::clamp(c, 0.0, 1.0) : 0.0; };
    return {clip(r), clip(g), clip(b), std::clamp(alpha, 0.0, 1.0)};
}

SrgbColor SrgbColor::compositedOver(const SrgbColor &background) const
{
    const SrgbColor fg = clamped();
    const SrgbColor bg = background.clamped();
    const double a = fg.alpha;
    return {fg.r * a + bg.r * (1.0 - a), fg.g * a + bg.g * (1.0 - a), fg.b * a + bg.b * (1.0 - a), 1.0};
}

double SrgbColor::relativeLuminance() const
{
    const SrgbColor c = clamped();
    return 0.2126 * srgbDecode(c.r) + 0.7152 * srgbDecode(c.g) + 0.0722 * srgbDecode(c.b);
}

QString SrgbColor::hexText() const
{
    const SrgbColor c = clamped();
    QString out = QLatin1Char('#') + hexByte(c.r) + hexByte(c.g) + hexByte(c.b);
    if (c.alpha < 1.0)
        out += hexByte(c.alpha);
    return out;
}

double SrgbColor::contrastRatio(const SrgbColor &foreground, const SrgbColor &background)
{
    // Nothing is known about what lies under a translucent background; a page is white.
    const SrgbColor bg = background.alpha < 1.0 ? background.compositedOver(SrgbColor{1, 1, 1, 1}) : background.clamped();
    const SrgbColor fg = foreground.compositedOver(bg);
    const double l1 = fg.relativeLuminance();
    const double l2 = bg.relativeLuminance();
    return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}

} // namespace helios::slate
