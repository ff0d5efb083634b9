"""The demo villages' content in English, for the pages `seed_demo` translates.

Lists follow their Indonesian counterparts in sites/demo_content.py item by item; the
dictionaries are keyed by the Indonesian text. Both languages are filled in with the village's
name and its word for village, then `glossary` pairs them up as wagtail-localize segments them.
"""

from . import demo_content as demo

# The words an English reader knows a village by, from its local word ("Desa", "Pekon"...).
PLACE = {"Kelurahan": "ward"}
DEFAULT_PLACE = "village"

OFFICE_HOURS = "Monday to Friday 08.00-15.00 WIB"

WELCOME = {
    "18.01.04.2001": "A village growing up beside the airport, rice fields and the Natar market.",
    "18.04.04.2002": "A pekon at the foot of the Bukit Barisan, home of Liwa robusta coffee.",
    "18.12.01.2002": "An old tiyuh on the Way Kiri, centre of the Megou Pak Tulang Bawang customs.",
    "18.71.01.1003": "A ward in the heart of Bandar Lampung, close to the campuses and the market.",
    "18.01.07.2012": "A former transmigration village, now known for its maize and cattle.",
}

NEWS = [
    (
        "{Place} assembly agrees the 2027 development plan",
        "Residents, the village council and officials agreed next year's priorities.",
        "More than a hundred residents came to the meeting at the {place} hall. Farm roads, "
        "clean water and the health post are the three top priorities.",
    ),
    (
        "Fourth round of Village Fund cash assistance handed out",
        "Direct cash assistance was handed to the families entitled to it.",
        "The assistance was handed out at the {place} office. Residents were asked to bring "
        "their original identity card and family card.",
    ),
    (
        "Health post for toddlers and older residents this month",
        "Free weighing, immunisation and blood pressure checks in every hamlet.",
        "Health volunteers ask parents to bring their mother and child health book. Older "
        "residents can have their blood sugar checked.",
    ),
]

# What seed_demo writes into every news article besides its own text.
ARTICLE = {
    "Sekretariat {word}": "{Place} secretariat",
    "Langkah berikutnya": "Next steps",
    "Perangkat akan menyampaikan hasilnya di setiap dusun.": (
        "Officials will report the outcome in every hamlet."
    ),
    "Kita bangun bersama.": "We build it together.",
    "Kepala Desa": "Village head",
}

SERVICES = [
    ("Certificate of residence", "States that you live in the {place}."),
    (
        "Business certificate",
        "For a KUR small business loan, a micro business permit or small business support.",
    ),
    ("Certificate of low income", "For lower school or medical fees, or for social assistance."),
    (
        "Borrowing the {place} hall",
        "Residents may use the {place} hall for celebrations, meetings or training.",
    ),
]

# The requirements, steps and details that services share.
SERVICE_PHRASES = {
    "Fotokopi KTP": "Copy of your identity card (KTP)",
    "Fotokopi Kartu Keluarga": "Copy of your family card (KK)",
    "Fotokopi KTP dan KK": "Copy of your identity card and family card",
    "Fotokopi KTP penanggung jawab": "Copy of the identity card of the person responsible",
    "Surat pengantar RT": "Covering letter from your neighbourhood head (RT)",
    "Surat permohonan": "Letter of request",
    "Foto tempat usaha": "Photo of the business premises",
    "Foto rumah tampak depan": "Photo of the front of the house",
    "Datang ke kantor dengan berkas lengkap.": "Come to the office with all the documents.",
    "Petugas memeriksa berkas.": "An officer checks the documents.",
    "Surat ditandatangani.": "The letter is signed.",
    "1 hari kerja": "1 working day",
    "Kantor {word}, Senin-Jumat 08.00-15.00 WIB": "{Place} office, Monday to Friday 08.00-15.00",
    "Sekretaris {word}": "{Place} secretary",
}

# By Indonesian title: (English title, English description).
PRODUCTS = {
    "Beras Pandan Wangi Hajimena": (
        "Hajimena Pandan Wangi rice",
        "Soft, fragrant rice from Hajimena's irrigated fields.",
    ),
    "Keripik Pisang Kepok": (
        "Kepok banana chips",
        "Crunchy chips made by the Melati women farmers' group, 250 grams.",
    ),
    "Kopi Robusta Liwa Bubuk": (
        "Liwa robusta ground coffee",
        "Picked red, medium roast, 250 grams.",
    ),
    "Green Bean Robusta": ("Robusta green beans", "Unroasted coffee beans, 12 percent moisture."),
    "Paket Wisata Kebun Kopi": (
        "Coffee farm tour",
        "Pick, roast and brew coffee with the farmers.",
    ),
    "Kain Tapis Motif Pucuk Rebung": (
        "Tapis cloth, bamboo shoot pattern",
        "Woven tapis embroidered with gold thread.",
    ),
    "Madu Hutan Tulang Bawang": (
        "Tulang Bawang forest honey",
        "500 ml of wild honey from the protected forest.",
    ),
    "Keripik Pisang Cokelat": (
        "Chocolate banana chips",
        "A favourite gift to bring home from Lampung, 300 grams.",
    ),
    "Sambal Lingkung": ("Sambal lingkung", "Spicy shredded fish, a Lampung speciality, 200 grams."),
    "Jagung Pipil Kering": ("Dried shelled maize", "Maize for animal feed, 15 percent moisture."),
    "Susu Sapi Segar": (
        "Fresh cow's milk",
        "Milked in the morning, from the Sido Makmur livestock group.",
    ),
}

PROFILE = {
    "Profil": "Profile",
    demo.PROFILE["history"]: (
        "<p>{name} was opened by pioneers in the colonisation years and grew from a few houses "
        "at the edge of the rice fields into a busy settlement. The elders gave it the name "
        "{name} as a prayer that its people would live in harmony and prosperity.</p>"
    ),
    demo.PROFILE["vision"]: "A {name} that is advanced, self-reliant, healthy and cultured.",
    "Meningkatkan pelayanan publik yang cepat dan terbuka.": (
        "Make public services quicker and more open."
    ),
    "Membangun jalan usaha tani dan air bersih.": "Build farm roads and clean water supplies.",
    "Menguatkan BUMDes dan usaha warga.": (
        "Strengthen the village enterprise and residents' businesses."
    ),
    "Desa tetangga di utara": "A neighbouring village to the north",
    "Sungai dan persawahan": "River and rice fields",
    "Jalan lintas kabupaten": "The inter-regency road",
    "Perkebunan rakyat": "Smallholder plantations",
    "Badan Permusyawaratan Desa": "Village Consultative Body (BPD)",
    "Menampung aspirasi dan mengawasi pemerintahan.": (
        "Gathers residents' wishes and oversees the village government."
    ),
    "Tim Penggerak PKK": "Family Welfare Movement (PKK)",
    "Pemberdayaan keluarga, posyandu dan kebun gizi.": (
        "Family empowerment, health posts and nutrition gardens."
    ),
    "BUMDes Maju Bersama": "Maju Bersama village enterprise (BUMDes)",
    "Unit simpan pinjam, air bersih dan pemasaran hasil tani.": (
        "Savings and loans, clean water and selling farm produce."
    ),
    "Karang Taruna Tunas Muda": "Tunas Muda youth organisation",
    "Olahraga, seni dan kegiatan sosial pemuda.": "Sport, arts and social work for young people.",
    "Ketua": "Chair",
    "Sekretaris": "Secretary",
    "Bendahara": "Treasurer",
    "Direktur": "Director",
}

# Names of hamlets and people read the same in English.
SAME_IN_ENGLISH = [demo.PROFILE["hamlets"]] + [
    person for *_institution, people in demo.PROFILE["institutions"] for person, _role in people
]


def english_fill(village, word):
    place = PLACE.get(word, DEFAULT_PLACE)
    return {"name": village.name, "place": place, "Place": place.capitalize()}


def glossary(village, word):
    """Each Indonesian text of a demo village's pages, as wagtail-localize segments it, with
    its English."""
    pairs = [
        *ARTICLE.items(),
        *SERVICE_PHRASES.items(),
        *PROFILE.items(),
        *((text, text) for text in SAME_IN_ENGLISH),
    ]
    for indonesian, english in zip(demo.NEWS, NEWS, strict=True):
        pairs += zip(indonesian, english, strict=True)
    for (title, purpose, _requirements, _fee), english in zip(demo.SERVICES, SERVICES, strict=True):
        pairs += zip((title, purpose), english, strict=True)
    for data in demo.DEMO_VILLAGES:
        pairs.append((data["welcome"], WELCOME[data["code"]]))
        for title, _price, _unit, description, _category in data["products"]:
            pairs += zip((title, description), PRODUCTS[title], strict=True)
    fill, english_words = {"word": word, "name": village.name}, english_fill(village, word)
    return {
        _segment(indonesian.format(**fill)): _segment(english.format(**english_words))
        for indonesian, english in pairs
    }


def _segment(text):
    # A paragraph of rich text is one segment, without its <p>.
    return text.removeprefix("<p>").removesuffix("</p>")
