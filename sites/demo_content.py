"""Believable content for the demo villages that `seed_demo` generates."""

OFFICE_HOURS = "Senin-Jumat 08.00-15.00 WIB"

DEMO_VILLAGES = [
    {
        "code": "18.01.04.2001",  # Hajimena, Natar, Lampung Selatan
        "welcome": "Desa yang tumbuh bersama bandara, sawah dan pasar Natar.",
        "phone": "0721-781234",
        "whatsapp": "0812-7901-2345",
        "products": [
            (
                "Beras Pandan Wangi Hajimena",
                14000,
                "kg",
                "Beras pulen dari sawah irigasi Hajimena.",
                "pertanian",
            ),
            (
                "Keripik Pisang Kepok",
                25000,
                "pack",
                "Keripik renyah buatan KWT Melati, 250 gram.",
                "makanan-minuman",
            ),
        ],
    },
    {
        "code": "18.04.04.2002",  # Kubu Perahu, Balik Bukit, Lampung Barat
        "welcome": "Pekon di kaki Bukit Barisan, rumah kopi robusta Liwa.",
        "phone": "0728-21345",
        "whatsapp": "0813-6600-1122",
        "products": [
            (
                "Kopi Robusta Liwa Bubuk",
                60000,
                "pack",
                "Petik merah, sangrai sedang, 250 gram.",
                "kopi",
            ),
            ("Green Bean Robusta", 48000, "kg", "Biji kopi mentah kadar air 12 persen.", "kopi"),
            (
                "Paket Wisata Kebun Kopi",
                150000,
                "paket",
                "Petik, sangrai dan seduh bersama petani.",
                "paket-wisata",
            ),
        ],
    },
    {
        "code": "18.12.01.2002",  # Panaragan, Tulang Bawang Tengah, Tulang Bawang Barat
        "welcome": "Tiyuh tua di tepi Way Kiri, pusat adat Megou Pak Tulang Bawang.",
        "phone": "0724-350123",
        "whatsapp": "0821-7788-9900",
        "products": [
            (
                "Kain Tapis Motif Pucuk Rebung",
                750000,
                "pcs",
                "Tenun tapis sulam benang emas.",
                "fesyen-tekstil",
            ),
            (
                "Madu Hutan Tulang Bawang",
                120000,
                "botol",
                "Madu liar 500 ml dari hutan larangan.",
                "makanan-minuman",
            ),
        ],
    },
    {
        "code": "18.71.01.1003",  # Kedaton, Bandar Lampung
        "welcome": "Kelurahan di jantung Bandar Lampung, dekat kampus dan pasar.",
        "phone": "0721-702345",
        "whatsapp": "0811-7234-5678",
        "products": [
            (
                "Keripik Pisang Cokelat",
                30000,
                "pack",
                "Oleh-oleh khas Lampung, 300 gram.",
                "makanan-minuman",
            ),
            (
                "Sambal Lingkung",
                35000,
                "botol",
                "Abon ikan pedas khas Lampung, 200 gram.",
                "makanan-minuman",
            ),
        ],
    },
    {
        "code": "18.01.07.2012",  # Sidodadi, Sidomulyo, Lampung Selatan
        "welcome": "Desa transmigrasi yang kini dikenal dengan jagung dan ternak sapinya.",
        "phone": "0727-331122",
        "whatsapp": "0852-6677-8899",
        "products": [
            ("Jagung Pipil Kering", 5500, "kg", "Jagung pakan kadar air 15 persen.", "pertanian"),
            (
                "Susu Sapi Segar",
                15000,
                "liter",
                "Diperah pagi, dari kelompok ternak Sido Makmur.",
                "peternakan",
            ),
        ],
    },
]

NEWS = [
    (
        "Musyawarah {word} membahas RKP tahun 2027",
        "Warga, BPD dan perangkat menyepakati prioritas pembangunan tahun depan.",
        "Musyawarah di balai {word} dihadiri lebih dari seratus warga. Jalan usaha tani, "
        "air bersih dan posyandu menjadi tiga prioritas utama.",
    ),
    (
        "Penyaluran BLT Dana Desa tahap IV",
        "Bantuan langsung tunai diserahkan kepada keluarga penerima manfaat.",
        "Penyaluran dilakukan di kantor {word}. Warga diminta membawa KTP dan KK asli.",
    ),
    (
        "Posyandu balita dan lansia bulan ini",
        "Timbang, imunisasi dan cek tekanan darah gratis di setiap dusun.",
        "Kader posyandu mengajak orang tua membawa buku KIA. Lansia dapat memeriksa gula darah.",
    ),
]

SERVICES = [
    (
        "Surat Keterangan Domisili",
        "Menerangkan bahwa Anda bertempat tinggal di wilayah {word}.",
        "<ul><li>Fotokopi KTP</li><li>Fotokopi Kartu Keluarga</li><li>Surat pengantar RT</li></ul>",
        None,
    ),
    (
        "Surat Keterangan Usaha",
        "Untuk pengajuan pinjaman KUR, izin usaha mikro atau bantuan UMKM.",
        "<ul><li>Fotokopi KTP</li><li>Foto tempat usaha</li><li>Surat pengantar RT</li></ul>",
        None,
    ),
    (
        "Surat Keterangan Tidak Mampu",
        "Untuk keringanan biaya sekolah, berobat atau bantuan sosial.",
        "<ul><li>Fotokopi KTP dan KK</li><li>Surat pengantar RT</li>"
        "<li>Foto rumah tampak depan</li></ul>",
        None,
    ),
    (
        "Peminjaman Balai {word}",
        "Balai {word} dapat dipakai warga untuk hajatan, rapat atau pelatihan.",
        "<ul><li>Fotokopi KTP penanggung jawab</li><li>Surat permohonan</li></ul>",
        250000,
    ),
]

# Added to each NEWS item in order: (category, tags).
NEWS_TOPICS = [
    ("pemerintahan", ["musdes", "rkp"]),
    ("kemasyarakatan", ["blt", "bantuan"]),
    ("kesehatan", ["posyandu", "stunting"]),
]

ANNOUNCEMENTS = [
    (
        "Pemadaman listrik Sabtu pagi",
        "PLN memadamkan listrik Sabtu pukul 08.00-12.00 WIB untuk perawatan jaringan.",
        7,
    ),
    ("Pendaftaran pelatihan menjahit sudah ditutup", "Terima kasih kepada 40 pendaftar.", -3),
]

EVENTS = [
    ("Gotong royong membersihkan saluran irigasi", "Saluran induk dusun I", 5, 7, 3),
    ("Posyandu balita dan lansia", "Balai {word}", 12, 8, 4),
    ("Peringatan HUT {word}", "Lapangan {word}", -20, 8, 6),
]

PROFILE = {
    "history": (
        "<p>{word} {name} dibuka oleh para perintis pada masa kolonisasi dan tumbuh dari "
        "beberapa rumah di tepi sawah menjadi permukiman yang ramai. Nama {name} diberikan "
        "para tetua sebagai doa agar warganya hidup rukun dan sejahtera.</p>"
    ),
    "vision": "Terwujudnya {word} {name} yang maju, mandiri, sehat dan berbudaya.",
    "mission": (
        "<ol><li>Meningkatkan pelayanan publik yang cepat dan terbuka.</li>"
        "<li>Membangun jalan usaha tani dan air bersih.</li>"
        "<li>Menguatkan BUMDes dan usaha warga.</li></ol>"
    ),
    "hamlets": "Dusun I\nDusun II\nDusun III\nDusun IV",
    "officials": [
        ("Suhartono", "Kepala {word}"),
        ("Nurhayati", "Sekretaris {word}"),
        ("Ahmad Fauzi", "Kepala Urusan Keuangan"),
        ("Rina Marlina", "Kepala Seksi Pelayanan"),
    ],
    "institutions": [
        (
            "bpd",
            "Badan Permusyawaratan Desa",
            "Menampung aspirasi dan mengawasi pemerintahan.",
            [("Darmawan", "Ketua"), ("Siti Aminah", "Sekretaris")],
        ),
        (
            "pkk",
            "Tim Penggerak PKK",
            "Pemberdayaan keluarga, posyandu dan kebun gizi.",
            [("Yuliana", "Ketua"), ("Maryati", "Bendahara")],
        ),
        (
            "bumdes",
            "BUMDes Maju Bersama",
            "Unit simpan pinjam, air bersih dan pemasaran hasil tani.",
            [("Andi Saputra", "Direktur")],
        ),
        (
            "karang_taruna",
            "Karang Taruna Tunas Muda",
            "Olahraga, seni dan kegiatan sosial pemuda.",
            [("Rizky Pratama", "Ketua")],
        ),
    ],
}


SELLERS = [
    ("bumdes", "BUMDes {name} Maju", "Badan usaha milik desa: pemasaran hasil tani dan olahan."),
    ("umkm", "Dapur Ibu-Ibu {name}", "Usaha rumahan kelompok wanita tani."),
]


def sellers_for(village_data):
    """The demo sellers of a village, ordering through the village's WhatsApp number."""
    return [(kind, name, text, village_data["whatsapp"]) for kind, name, text in SELLERS]
