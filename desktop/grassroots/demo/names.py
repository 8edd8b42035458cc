"""Word lists for the demo group: British names, streets and towns around Ashby-de-la-Zouch.

The postcode districts are real for each town; the inward codes are made up but keep the
official shape, so every demo postcode passes the same checks as a typed one.
"""

from __future__ import annotations

# fmt: off
WOMEN = (
    "Margaret", "Susan", "Patricia", "Elizabeth", "Jean", "Christine", "Carol", "Janet",
    "Linda", "Sandra", "Barbara", "Ann", "Helen", "Pauline", "Gillian", "Valerie", "Sheila",
    "Jennifer", "Karen", "Julie", "Alison", "Sarah", "Claire", "Nicola", "Rachel", "Emma",
    "Joanne", "Lisa", "Kate", "Rebecca", "Louise", "Hannah", "Laura", "Charlotte", "Sophie",
    "Amy", "Lucy", "Jessica", "Emily", "Olivia", "Grace", "Chloe", "Megan", "Rhiannon",
    "Siân", "Niamh", "Aisha", "Priya", "Fatima", "Zoë", "Bethan", "Eileen", "Doreen",
    "Maureen", "Brenda", "Wendy", "Hazel", "Rosemary", "Judith", "Frances",
)
MEN = (
    "John", "David", "Michael", "Peter", "Robert", "Paul", "Richard", "Stephen", "Andrew",
    "Christopher", "Ian", "Mark", "Brian", "Keith", "Colin", "Graham", "Alan", "Trevor",
    "Geoffrey", "Roger", "Martin", "Kevin", "Gary", "Neil", "Simon", "Philip", "Anthony",
    "James", "Thomas", "Daniel", "Matthew", "Jonathan", "Benjamin", "Samuel", "Joseph",
    "Oliver", "Harry", "Jack", "George", "William", "Owen", "Rhys", "Gareth", "Dafydd",
    "Callum", "Ewan", "Hamish", "Mohammed", "Imran", "Raj", "Sanjay", "Tomasz", "Declan",
    "Liam", "Derek", "Malcolm", "Dennis", "Terence", "Nigel", "Barry",
)
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell",
    "Rose", "Davis", "Rodgers", "Hughes", "Morgan", "Cooper", "Harris", "King", "Lee",
    "Martin", "Clark", "Turner", "Baker", "Hill", "Moore", "Allen", "Young", "Ward",
    "Watson", "Parker", "Bennett", "Griffiths", "Edwards", "Harrison", "Collins", "Stewart",
    "Marshall", "Owen", "Bailey", "Kelly", "Cook", "Shaw", "Chapman", "Ellis", "Webb",
    "Hunt", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
    "Fisher", "Dixon", "Gibson", "Wells", "Armstrong", "Spencer", "Pearce", "Burton", "Fox",
    "Ryan", "Ball", "Hudson", "Begum", "Singh", "Ahmed", "Kaur", "Nowak", "Kowalski",
    "O'Brien", "O'Connor", "McDonald", "Murray", "Fraser", "Campbell", "Stevenson", "Dunn",
    "Hollis", "Pickering", "Brindley", "Sharpe", "Whitmore", "Cartwright", "Newbold",
    "Ashworth", "Fairbrother", "Haywood", "Lockett", "Rowley", "Swain", "Tebbutt", "Varley",
)
TITLES_WOMEN = ("Mrs", "Mrs", "Mrs", "Ms", "Ms", "Miss", "Dr", "", "")
TITLES_MEN = ("Mr", "Mr", "Mr", "Mr", "Mr", "Dr", "", "")

STREET_NAMES = (
    "Market", "Station", "Church", "Mill", "Bath", "Kilwardby", "Wood", "Derby", "Tamworth",
    "Burton", "Lower Packington", "South", "North", "Prior Park", "Avenue", "Moira", "Brook",
    "Pithiegate", "Hill", "Nottingham", "Leicester", "Forest", "Meadow", "Orchard", "Manor",
    "Vicarage", "School", "Castle", "Elm", "Beech", "Oak", "Willow", "Ash", "Holly",
    "Hawthorn", "Chestnut", "Victoria", "Albert", "Queen", "King", "Windsor", "Coronation",
    "Jubilee", "Rosemary", "Lavender", "Foxglove", "Bluebell", "Primrose", "Cedar", "Rowan",
)
STREET_KINDS = (
    "Street", "Road", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Grove", "Gardens",
)
HOUSE_NAMES = (
    "Rose Cottage", "The Old Forge", "Ivy House", "Orchard View", "The Laurels", "Hillcrest",
    "Brook House", "The Willows", "Meadow Bank", "Holly Lodge",
)

# Town, county and its real postcode districts.
TOWNS = (
    ("Ashby-de-la-Zouch", "Leicestershire", ("LE65",)),
    ("Coalville", "Leicestershire", ("LE67",)),
    ("Measham", "Leicestershire", ("DE12",)),
    ("Moira", "Leicestershire", ("DE12",)),
    ("Ibstock", "Leicestershire", ("LE67",)),
    ("Packington", "Leicestershire", ("LE65",)),
    ("Swadlincote", "Derbyshire", ("DE11",)),
    ("Castle Donington", "Leicestershire", ("DE74",)),
    ("Whitwick", "Leicestershire", ("LE67",)),
    ("Blackfordby", "Leicestershire", ("DE11",)),
)
# The first town is the group's own, so most members live there.
TOWN_WEIGHTS = (40, 14, 8, 6, 6, 5, 8, 5, 5, 3)

# Letters allowed in the inward code of a UK postcode.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
EMAIL_DOMAINS = (
    "gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk",
    "talktalk.net", "sky.com", "icloud.com", "virginmedia.com", "aol.com",
)
LANDLINE_CODES = {"Ashby-de-la-Zouch": "01530", "Coalville": "01530", "Swadlincote": "01283"}

SOURCES = (
    "Membership form", "Summer fair", "Christmas market", "Website enquiry",
    "Coffee morning", "Referred by a member", "Annual general meeting",
)
END_REASONS = ("Moved away", "Resigned", "Died", "No longer able to take part")
# fmt: on
