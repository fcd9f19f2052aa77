// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLatin1StringView>
#include <QString>

#include <array>
#include <optional>

namespace helios::spark {

// The offline experts the router chooses between. The id is what the corpus labels,
// `helios generate --expert` and the JSON output use.
enum class ExpertFamily {
    Button,
    TextField,      // label, help text, error
    Select,         // select / combobox
    Choice,         // checkbox, switch, radio group
    Card,
    Dialog,
    NavigationBar,
    Tabs,
    Table,
    List,           // list / menu
    Alert,          // alert / toast
    Badge,          // badge / avatar / tag
    Hero,           // hero / section
    Layout,         // grid / stack
    Pagination,
    Accordion,
    Tooltip,
};

struct ExpertFamilyInfo {
    ExpertFamily family;
    QLatin1StringView id;           // "text-field"
    QLatin1StringView defaultName;  // "TextField": the component's name when the prompt gives none
};

inline constexpr std::array<ExpertFamilyInfo, 17> expertFamilies{{
    {ExpertFamily::Button, QLatin1StringView("button"), QLatin1StringView("Button")},
    {ExpertFamily::TextField, QLatin1StringView("text-field"), QLatin1StringView("TextField")},
    {ExpertFamily::Select, QLatin1StringView("select"), QLatin1StringView("Select")},
    {ExpertFamily::Choice, QLatin1StringView("choice"), QLatin1StringView("CheckboxGroup")},
    {ExpertFamily::Card, QLatin1StringView("card"), QLatin1StringView("Card")},
    {ExpertFamily::Dialog, QLatin1StringView("dialog"), QLatin1StringView("Dialog")},
    {ExpertFamily::NavigationBar, QLatin1StringView("navbar"), QLatin1StringView("NavBar")},
    {ExpertFamily::Tabs, QLatin1StringView("tabs"), QLatin1StringView("Tabs")},
    {ExpertFamily::Table, QLatin1StringView("table"), QLatin1StringView("DataTable")},
    {ExpertFamily::List, QLatin1StringView("list"), QLatin1StringView("Menu")},
    {ExpertFamily::Alert, QLatin1StringView("alert"), QLatin1StringView("Alert")},
    {ExpertFamily::Badge, QLatin1StringView("badge"), QLatin1StringView("Badge")},
    {ExpertFamily::Hero, QLatin1StringView("hero"), QLatin1StringView("Hero")},
    {ExpertFamily::Layout, QLatin1StringView("layout"), QLatin1StringView("Stack")},
    {ExpertFamily::Pagination, QLatin1StringView("pagination"), QLatin1StringView("Pagination")},
    {ExpertFamily::Accordion, QLatin1StringView("accordion"), QLatin1StringView("Accordion")},
    {ExpertFamily::Tooltip, QLatin1StringView("tooltip"), QLatin1StringView("Tooltip")},
}};

inline const ExpertFamilyInfo &familyInfo(ExpertFamily family)
{
    return expertFamilies[static_cast<std::size_t>(family)];
}

inline std::optional<ExpertFamily> familyFromId(QStringView id)
{
    for (const ExpertFamilyInfo &info : expertFamilies) {
        if (id == info.id)
            return info.family;
    }
    return std::nullopt;
}

} // namespace helios::spark
