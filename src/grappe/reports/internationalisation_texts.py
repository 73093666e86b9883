"""Texts of the report's "Internationalisation" section in French, Arabic and English (no
imports: :mod:`grappe.reports.mission_texts` and :mod:`grappe.reports.i18n` merge them into
their tables; the rules are in :mod:`grappe.reports.internationalisation`)."""

from __future__ import annotations

__all__ = ["INTL_FINDING_TEXTS", "INTL_RECOMMENDATION_TEXTS", "INTL_T"]

#: Headings of the report's section.
INTL_T: dict[str, dict[str, str]] = {
    "internationalisation": {
        "en": "Internationalisation",
        "fr": "Internationalisation",
        "ar": "التدويل",
    },
    "intl_markets": {
        "en": "Markets of the members' exports",
        "fr": "Marchés des exportations des membres",
        "ar": "أسواق صادرات الأعضاء",
    },
    "intl_country": {"en": "Country", "fr": "Pays", "ar": "البلد"},
    "intl_members": {"en": "Members", "fr": "Membres", "ar": "الأعضاء"},
    "intl_exports": {"en": "Exports", "fr": "Exportations", "ar": "الصادرات"},
    "intl_share": {"en": "Share", "fr": "Part", "ar": "الحصة"},
    "intl_opportunities": {
        "en": "The country's opportunities in the cluster's industries",
        "fr": "Opportunités du pays dans les activités de la grappe",
        "ar": "فرص البلد في أنشطة العنقود",
    },
    "intl_product": {"en": "Product (HS4)", "fr": "Produit (SH4)", "ar": "المنتج (SH4)"},
    "intl_rank": {"en": "Rank", "fr": "Rang", "ar": "الترتيب"},
    "intl_density": {
        "en": "Relatedness density",
        "fr": "Densité de proximité",
        "ar": "كثافة الترابط",
    },
    "intl_not_known": {"en": "Not known", "fr": "Inconnu", "ar": "غير معروف"},
}

INTL_FINDING_TEXTS: dict[str, dict[str, str]] = {
    "members_export": {
        "en": "{n} of the {members} members export: {value} {currency} in {period}, to {markets} "
        "countries.",
        "fr": "{n} des {members} membres exportent : {value} {currency} en {period}, vers "
        "{markets} pays.",
        "ar": "يصدّر {n} من أصل {members} عضوا: {value} {currency} في {period}، نحو {markets} "
        "بلدان.",
    },
    "no_exporter": {
        "en": "None of the {members} members reports exports in {period}.",
        "fr": "Aucun des {members} membres ne déclare d'exportations en {period}.",
        "ar": "لا يصرّح أي من الأعضاء الـ{members} بصادرات في {period}.",
    },
    "market_concentration": {
        "en": "{share} of the members' exports go to one market, {country} ({period}).",
        "fr": "{share} des exportations des membres vont vers un seul marché, {country} "
        "({period}).",
        "ar": "تذهب {share} من صادرات الأعضاء إلى سوق واحدة، {country} ({period}).",
    },
    "exports_target_missed": {
        "en": "Exports: {value} against a target of {target} ({period}).",
        "fr": "Exportations : {value} pour une cible de {target} ({period}).",
        "ar": "الصادرات: {value} مقابل هدف قدره {target} ({period}).",
    },
    "global_pipelines": {
        "en": "{n} members hold {external} ties across the cluster's boundary ({share} of the "
        "network's ties).",
        "fr": "{n} membres détiennent {external} liens qui franchissent la frontière de la "
        "grappe ({share} des liens du réseau).",
        "ar": "يملك {n} أعضاء {external} روابط تعبر حدود العنقود ({share} من روابط الشبكة).",
    },
    "export_advantage": {
        "en": "{country} exports {n} products of the cluster's industries with a comparative "
        "advantage, first {product} (RCA {rca}).",
        "fr": "{country} exporte {n} produits des activités de la grappe avec un avantage "
        "comparatif, d'abord {product} (ACR {rca}).",
        "ar": "يصدّر {country} {n} منتجات من أنشطة العنقود بميزة نسبية، أولها {product} "
        "(الميزة النسبية الظاهرة {rca}).",
    },
    "export_opportunity": {
        "en": "Export opportunities of {country} in the cluster's industries: {names}.",
        "fr": "Opportunités d'exportation de {country} dans les activités de la grappe : {names}.",
        "ar": "فرص التصدير لدى {country} في أنشطة العنقود: {names}.",
    },
}

INTL_RECOMMENDATION_TEXTS: dict[str, dict[str, str]] = {
    "diversify_markets": {
        "en": "Open new markets beside {country}: trade missions and fairs for the exporting "
        "members.",
        "fr": "Ouvrir de nouveaux marchés à côté de {country} : missions commerciales et "
        "salons pour les membres exportateurs.",
        "ar": "فتح أسواق جديدة إلى جانب {country}: بعثات تجارية ومعارض للأعضاء المصدّرين.",
    },
    "export_readiness": {
        "en": "Prepare the members to export: norms, certification and a first trade mission.",
        "fr": "Préparer les membres à l'export : normes, certification et une première mission "
        "commerciale.",
        "ar": "تهيئة الأعضاء للتصدير: المعايير والشهادات وأول بعثة تجارية.",
    },
    "target_export_products": {
        "en": "Study with the members the products within reach: {names}.",
        "fr": "Étudier avec les membres les produits à portée : {names}.",
        "ar": "دراسة المنتجات الممكنة مع الأعضاء: {names}.",
    },
}
