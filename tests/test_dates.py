"""The date grammar (etr.dates) and the document tagger (etr.build.timex), table-driven.

Expected values follow /work/shared/eval/README.md, "Temporal expressions": day 1944-11-15,
month 1944-11, year 1944, decade 194X, century 18XX, season 1945-SU, range "start/end",
mods EARLY/MID/LATE/START/END/BEFORE, durations P3D; leading prepositions ("in", "on", "By",
"from", "until", "between", "during") are outside the span, articles that belong to the phrase
("the summer of 1944", "the end of 1950", "the 1930s") stay inside it.

Cases made with `case(...)` were once tagger bugs; their notes say what went wrong.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, IMPOSSIBLE_DATES
from etr.dates.forms import scan
from etr.dates.periods import parse_period
from etr.dates.values import Point
from etr.errors import BadQuery
from etr.ingest.timex import tag

Row = tuple[str, str, str | None, str]  # (span text, value, mod, how)


def tagged(text: str) -> list[Row]:
    """The tagger's reading of `text` taken as a single paragraph."""
    out: list[Row] = []
    for s in tag(text, [(0, len(text))]):
        assert s.date.text == text[s.start : s.end]
        out.append((text[s.start : s.end], s.date.value, s.date.mod, s.date.how))
    return out


def case(text: str, expected: list[Row], why: str) -> object:
    """A case with a note on why it matters (each was once a tagger bug)."""
    return pytest.param(text, expected, id=text[:60])


def _ids(cases: list) -> list[str]:
    out = []
    for c in cases:
        text = c.values[0] if hasattr(c, "values") else c[0]
        out.append(text[:60])
    return out


# ------------------------------------------------------------------ 1. seed documents, verbatim

SEED_CASES: list = [
    # east_turkestan_republic.txt -----------------------------------------------------------
    (
        "The rebels assaulted Ghulja on 7 November 1944 and rapidly took over parts of the city, "
        "massacring KMT troops, however, the rebels encountered fierce resistance from KMT forces "
        "holed up in the power and central police stations and did not take them until 13 November. "
        'The creation of the "East Turkestan Republic" (ETR) was declared on 15 November.',
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("13 November", "1944-11-13", None, "year-inherited"),
            ("15 November", "1944-11-15", None, "year-inherited"),
        ],
    ),
    (
        "The East Turkestan Republic (ETR) was a breakaway state that existed from 1944 to 1946, "
        "encompassing the three northernmost districts of Xinjiang Province, Republic of China: Ili, "
        "Tarbagatay (Tacheng) and Altay. It is often called the Second East Turkestan Republic to "
        "differentiate it from the First East Turkestan Republic (1933–1934) established exactly a "
        "decade earlier.",
        [
            ("1944 to 1946", "1944/1946", None, "explicit"),
            ("1933–1934", "1933/1934", None, "explicit"),
            # README: "a decade earlier" in a sentence about 1944 is 1934, derived
            ("a decade earlier", "1934", None, "derived"),
        ],
    ),
    (
        "In August 1949, most of the ETR's former leaders died in a plane crash in the Soviet Union, "
        "while en route to attend talks in Beijing. By the end of 1950, the Chinese People's "
        "Liberation Army (PLA) had captured most of the ETR's former territory and incorporated it "
        "into Xinjiang Province, which became the Xinjiang Uyghur Autonomous Region in 1955.",
        [
            ("August 1949", "1949-08", None, "explicit"),
            # "By the end of": the boundary mod END wins over BEFORE (as in the seed gold)
            ("the end of 1950", "1950", "END", "explicit"),
            ("1955", "1955", None, "explicit"),
        ],
    ),
    (
        "On 16 September 1944, troops that had been sent to Gongha county, a majority Kazakh region, "
        "were unable to contain a group of rioters. By 3 October, the rioters had captured Nilka, "
        "the county seat. On 4 October 1944, Chief of Ghulja (Yining) Police Department Liu Bin-Di "
        'sent telegram to Dihua asking for immediate help: " Situation around Nilka 尼勒克镇 is '
        "catastrophic, on the battle of October 03 we suffered heavy losses, rebels captured many "
        "weapons and spread their actions south of Kash River 喀什河, our troops in Karasu 喀拉苏乡 "
        "and other adjacent villages are under siege, local population is joining bandits and "
        "increasing their strength, trucks with troops sent from Yining to Nilka delivered many "
        "wounded soldiers on return trip. On the head of bandits are Ghani, Fatikh, Akbar, Kurban, "
        "Baichurin and others, number of rebels is over 1,500. They are all mounted on horses. City "
        "of Yining is in danger, we arrested 200 suspects in the city as a precaution. Additional "
        'troops from Urumchi are in immediate necessity.". During October, the Three Districts '
        "Rebellion broke out south of Ghulja in the Ili, also in Altay and Tarbagatay districts of "
        "northern Xinjiang.",
        [
            ("16 September 1944", "1944-09-16", None, "explicit"),
            ("3 October", "1944-10-03", "BEFORE", "year-inherited"),
            ("4 October 1944", "1944-10-04", None, "explicit"),
            ("October 03", "1944-10-03", None, "year-inherited"),
            ("October", "1944-10", None, "year-inherited"),
        ],
    ),
    (
        "On 26 November 1940, Sheng Shicai concluded an agreement granting the Soviet Union "
        "additional concessions in the province of Xinjiang for fifty years, including areas "
        "bordering India and Tibet.",
        [
            ("26 November 1940", "1940-11-26", None, "explicit"),
            ("fifty years", "P50Y", None, "explicit"),
        ],
    ),
    (
        "After suppressing the 36th Division General Ma Chung-yin in 1934 and the withdrawal of "
        "Soviet troops in 1935, the Soviet Union sent a commission to Xinjiang to draw up a plan for "
        "reconstruction of the province, led by Stalin's brother-in-law, Deputy Chief of Soviet "
        "State Bank, Alexander Svanidze, which resulted in a Soviet five-year loan of five million "
        "gold rubles to Sheng Shicai's regime. The draft was signed by Sheng Shicai on 16 May 1935, "
        "without consultation or approval by the Central Government of China.",
        [
            ("1934", "1934", None, "explicit"),
            ("1935", "1935", None, "explicit"),
            ("five-year", "P5Y", None, "explicit"),
            ("16 May 1935", "1935-05-16", None, "explicit"),
        ],
    ),
    (
        "By September 1945, the Kuomintang Army and the INA occupied positions on either side of the "
        "Manasi River near Dihua. By this time the ETR held Zungaria and Kashgaria, while the "
        "Kuomintang held the Dihua area.",
        [
            ("September 1945", "1945-09", "BEFORE", "explicit"),
            ("this time", "1945-09", "BEFORE", "relative"),
        ],
    ),
    (
        "The Chinese beat back the Soviet-supported rebellion in Sarikol from August 1945 – 1946, "
        'defeating the siege of the "tribesman" around Yarkand when they had rebelled in Nanchiang '
        "around Sarikol, and killing Red Army officers.",
        [("August 1945 – 1946", "1945-08/1946", None, "explicit")],
    ),
    (
        "However, as the domestic and international situation changed, and the contradiction in the "
        "Coalition Government deepened, the Coalition Government was on the verge of collapse in "
        "1947. During 1946 and 1947, the Kuomintang actively supported some local leaders opposing "
        "the Three Districts. By this time, these opposition figures included Kazakh leader Osman "
        "Batur, who broke with the other rebels when their pro-Soviet orientation became clear.",
        [
            ("1947", "1947", None, "explicit"),
            ("1946 and 1947", "1946/1947", None, "explicit"),
            ("this time", "1946/1947", "BEFORE", "relative"),
        ],
    ),
    (
        "On 17 August 1949, the CCP sent Deng Liqun to negotiate with the Three Districts' "
        "leadership in Ghulja (Yining). Mao invited the leaders of the Three Districts to take part "
        "in the Chinese People's Political Consultative Conference later that year. The leaders of "
        "the Three Districts traveled to the Soviet Union on 22 August by automobiles through "
        "Khorgos, accompanied by Soviet vice-consul in Ghulja Vasiliy Borisov, where they were told "
        "to cooperate with the CCP. Negotiations between Three Districts and Soviet representatives "
        "in Alma-Ata continued for three days and were difficult because of the unwillingness of "
        "Three Districts leader Ehmetjan Qasimi to agree to incorporate the Three Districts into the "
        "future Chinese communist state, supposedly in 1951. On 25 August, the eleven delegates, "
        "Ehmetjan Qasimi, Abdukerim Abbasov, Ishaq Beg, Luo Zhi, Dalelkhan Sugirbayev and "
        "accompanying officers of the Three Districts, boarded the Ilyushin Il-12 plane in "
        "Alma-Ata, Kazakhstan, officially heading to Beijing, but the flight was diverted to Moscow. "
        "On 3 September, the Soviet Union informed the Chinese government that the plane had "
        "crashed near Lake Baikal en route to Beijing, killing all on board. On the same day Soviet "
        "official Vyacheslav Molotov sent a telegram to Ghulja.",
        [
            ("17 August 1949", "1949-08-17", None, "explicit"),
            ("later that year", "1949", None, "relative"),
            ("22 August", "1949-08-22", None, "year-inherited"),
            ("three days", "P3D", None, "explicit"),
            # the forward-looking "supposedly in 1951" must not move the narrative's year
            ("1951", "1951", None, "explicit"),
            ("25 August", "1949-08-25", None, "year-inherited"),
            ("3 September", "1949-09-03", None, "year-inherited"),
            ("the same day", "1949-09-03", None, "relative"),
        ],
    ),
    (
        "After the dissolution of the Soviet Union in 1991, some former KGB generals and high "
        "officers (among them Pavel Sudoplatov) revealed that the five leaders were killed on "
        "Stalin's orders in Moscow on 27 August 1949, after a three-day imprisonment in the former "
        "tsar's stables. The remaining important figures of the Three Districts, including Seypidin "
        "Azizi (who led the second delegation of the Three Districts, which participated in Chinese "
        "People's Political Consultative Conference in September in Beijing, which proclaimed the "
        "People's Republic of China on 1 October 1949), agreed to incorporate the Three Districts "
        "into Xinjiang Province and accept important positions within the administration.",
        [
            ("1991", "1991", None, "explicit"),
            ("27 August 1949", "1949-08-27", None, "explicit"),
            ("three-day", "P3D", None, "explicit"),
            ("September", "1949-09", None, "year-inherited"),
            ("1 October 1949", "1949-10-01", None, "explicit"),
        ],
    ),
    (
        "On 26 September 1949, 100,000 Kuomintang Army troops in the province switched their "
        "allegiance from Kuomintang to the Chinese Communist Party together with the Chairman of "
        "Xinjiang Provincial Government Burhan Shahidi, who was among the few who knew what actually "
        "happened to the First delegation of the Three Districts in August in the Soviet Union. On "
        "20 December 1949 the East Turkestan National Army joined PLA as its 5th Army.",
        [
            ("26 September 1949", "1949-09-26", None, "explicit"),
            ("August", "1949-08", None, "year-inherited"),
            ("20 December 1949", "1949-12-20", None, "explicit"),
        ],
    ),
    (
        "Deng Liqun, a special envoy of Mao Zedong, arrived at Ghulja on 17 August 1949 to negotiate "
        "with the Three Districts leadership about the districts' future. Deng sent a secret "
        "telegram to Mao about the Three Districts forces the following day.",
        [
            ("17 August 1949", "1949-08-17", None, "explicit"),
            ("the following day", "1949-08-18", None, "relative"),
        ],
    ),
    (
        "It was published in four languages – Uyghur, Russian, Kazakh, and Chinese – and began "
        "circulation on 17 November 1944, five days after the ETR was founded.",
        [
            ("17 November 1944", "1944-11-17", None, "explicit"),
            # README: in apposition to 17 November 1944 the phrase denotes that same day
            ("five days after the ETR was founded", "1944-11-17", None, "derived"),
        ],
    ),
    (
        "The massacres against the Han occurred mostly during 1944–45, with the KMT responding in "
        "kind by torturing, killing, and mutilating ETR prisoners.",
        [("1944–45", "1944/1945", None, "explicit")],
    ),
    (
        "The ETR had a total population of 705,168 people at the end of 1944. Kazakhs made up 52.1% "
        "of the population, or 367,204 people, while Uyghurs made up 25.3% of the population, or "
        "178,527 people.",
        [("the end of 1944", "1944", "END", "explicit")],
    ),
    (
        "Non-communist Russians like White Russians and Russian settlers who had lived in Xinjiang "
        "since the 19th century also helped the Soviet Red Army and the Ili Army rebels.",
        [("the 19th century", "18XX", None, "explicit")],
    ),
    (
        "The counter-attackers repelled Tashkurgan rebels from the outskirts of Yarkand, recaptured "
        "the towns of Poskam, Kargilik and Guma and brought the Tashkurgan Region back under "
        "Chinese control by the summer of 1946.",
        [("the summer of 1946", "1946-SU", "BEFORE", "explicit")],
    ),
    (
        "The National Army enlisted 25,000 to 30,000 troops. In accordance with the peace agreement "
        "with Chiang Kai-shek signed on 6 June 1946, this number was reduced to 11,000 to 12,000 "
        "troops and restricted to stations in only the Three Districts (Ili, Tarbagatay and Altay) "
        "of northern Xinjiang.",
        [("6 June 1946", "1946-06-06", None, "explicit")],
    ),
    (
        "The motorized part of Army consisted of an Artillery Division, which included twelve "
        "cannons, two armoured vehicles, and two tanks. National aviation forces included forty-two "
        "airplanes, captured at a Kuomintang air base in Ghulja on 31 January 1945; all of them were "
        "damaged during the battle for the base.",
        [("31 January 1945", "1945-01-31", None, "explicit")],
    ),
    (
        "The ETR government's 1946 national budget indicated that its largest source of revenue was "
        "trade with the Soviet Union.",
        [("1946", "1946", None, "explicit")],
    ),
    (
        "Rebiya Kadeer's father served with pro-Soviet Uyghur rebels under the Second East Turkestan "
        "Republic in the Ili Rebellion (Three Districts Revolution) in 1944–1946, using Soviet "
        "assistance and aid to fight the Republic of China government under Chiang Kai-shek.",
        [("1944–1946", "1944/1946", None, "explicit")],
    ),
    # kraus_stalin_ccp_xinjiang_1949.txt ----------------------------------------------------
    (
        "How Stalin Elevated the Chinese Communist Party to Power in Xinjiang in 1949",
        [("1949", "1949", None, "explicit")],
    ),
    (
        "But no one expected the PLA to move quickly. The talk within the Chinese Communist Party "
        "during the spring and summer of 1949 was of invasion in 1950, or even later, in 1951.",
        [
            ("the spring and summer of 1949", "1949-SP/1949-SU", None, "explicit"),
            ("1950", "1950", None, "explicit"),
            ("1951", "1951", None, "explicit"),
        ],
    ),
    (
        "To be sure, the successful invasion of Xinjiang in autumn 1949 was the result of a "
        "complicated, delicate dance that could have easily gone any other way.",
        [("autumn 1949", "1949-FA", None, "explicit")],
    ),
    (
        "In late September 1949, Mao issued a desperate plea for assistance to Stalin: \u201cthe "
        "railroads in this region are poor, the conditions difficult, there are few people, and "
        "there is no food,\u201d he wrote. \u201cWe acutely need and hope that you will help us with "
        "30-50 transport aircraft to ship food, clothing, key personnel, and some of the troops.\u201d",
        [("late September 1949", "1949-09", "LATE", "explicit")],
    ),
    (
        "What if such assistance was not forthcoming? Mao warned that he would have to delay his "
        "invasion until March-April 1950.",
        [("March-April 1950", "1950-03/1950-04", None, "explicit")],
    ),
    (
        "The PLA needed huge amounts of grain and other foodstuffs to feed its 90,000 men involved "
        "in the invasion. So, again, Mao asked his Soviet friends for help: this time, for 10,000 "
        "tons of grain. Stalin consented.",
        [],
    ),
    # sino_soviet_non_aggression_pact.txt ---------------------------------------------------
    (
        "The Sino-Soviet Non-Aggression Pact () was signed in Nanjing on August 21, 1937, between "
        "the Republic of China and the Soviet Union during the Second Sino-Japanese War. The pact "
        "went into effect on the day that it was signed and was registered in League of Nations "
        "Treaty Series on September 8, 1937.",
        [
            ("August 21, 1937", "1937-08-21", None, "explicit"),
            ("the day that it was signed", "1937-08-21", None, "relative"),
            ("September 8, 1937", "1937-09-08", None, "explicit"),
        ],
    ),
    (
        "Ironically, in 1937, while the pact was being signed, the Soviets brazenly breached it "
        "before and after the signing by conducting the Xinjiang War (1937) from August to October.",
        [
            ("1937", "1937", None, "explicit"),
            ("1937", "1937", None, "explicit"),
            ("August to October", "1937-08/1937-10", None, "year-inherited"),
        ],
    ),
    (
        "The Kuomintang Muslim general Ma Hushan led the 36th Division (National Revolutionary Army) "
        "to resist the invasion.",
        [],
    ),
    (
        "In July 1942, Chiang instructed Ma to move 30,000 troops to the Tsaidam marsh in the "
        "Qaidam Basin of Qinghai.",
        [("July 1942", "1942-07", None, "explicit")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_CASES, ids=_ids(SEED_CASES))
def test_tag_seed_sentences(text: str, expected: list[Row]) -> None:
    assert tagged(text) == expected


# ------------------------------------------- 2. forms of telegrams, newspapers, encyclopedias

FORM_CASES: list = [
    # full dates in every common spelling
    (
        "The consulate reported on November 15, 1945 that the talks had resumed.",
        [("November 15, 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "The consulate reported on Nov. 15, 1945 that the talks had resumed.",
        [("Nov. 15, 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "The consulate reported on November 15th, 1945 that the talks had resumed.",
        [("November 15th, 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "The agreement was initialled on 15th November 1945 in Tihwa.",
        [("15th November 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "The agreement was initialled on 15 Nov. 1945 in Tihwa.",
        [("15 Nov. 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "The agreement was initialled on the 15th of November, 1945, in Tihwa.",
        [("the 15th of November, 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "REFERENCE OUR TELEGRAM NOVEMBER 15, 1945 ILI DELEGATES ARRIVED TIHWA.",
        [("NOVEMBER 15, 1945", "1945-11-15", None, "explicit")],
    ),
    (
        "TIHWA SEPTEMBER 1949. PROVINCIAL GOVERNMENT DEFECTED.",
        [("SEPTEMBER 1949", "1949-09", None, "explicit")],
    ),
    # year carried over from an earlier sentence
    (
        "The consul left Tihwa in August 1946. He returned on Sept. 3 with instructions from Nanking.",
        [
            ("August 1946", "1946-08", None, "explicit"),
            ("Sept. 3", "1946-09-03", None, "year-inherited"),
        ],
    ),
    (
        "THE CONSUL LEFT TIHWA AUGUST 28, 1946. RETURNED SEPT. 3 WITH INSTRUCTIONS.",
        [
            ("AUGUST 28, 1946", "1946-08-28", None, "explicit"),
            ("SEPT. 3", "1946-09-03", None, "year-inherited"),
        ],
    ),
    (
        "The rebels crossed the river on 30 September 1944. By 3 October, they had captured Nilka.",
        [
            ("30 September 1944", "1944-09-30", None, "explicit"),
            ("3 October", "1944-10-03", "BEFORE", "year-inherited"),
        ],
    ),
    (
        # a narrative running over the new year: 3 January after 28 December 1944 is in 1945
        "The rebels reached the river on 28 December 1944 and crossed it on 3 January.",
        [
            ("28 December 1944", "1944-12-28", None, "explicit"),
            ("3 January", "1945-01-03", None, "year-inherited"),
        ],
    ),
    (
        "A ceasefire was declared in 1946. In May the delegates met again.",
        [("1946", "1946", None, "explicit"), ("May", "1946-05", None, "year-inherited")],
    ),
    # approximate years, decades, centuries, seasons
    (
        "In mid-1946 the coalition government was formed.",
        [("mid-1946", "1946", "MID", "explicit")],
    ),
    (
        "In early 1947 riots broke out in Turfan.",
        [("early 1947", "1947", "EARLY", "explicit")],
    ),
    (
        "Early 1947 brought riots in Turfan.",
        [("Early 1947", "1947", "EARLY", "explicit")],
    ),
    (
        "The region was quiet in the late 1940s.",
        [("the late 1940s", "194X", "LATE", "explicit")],
    ),
    (
        "Sheng Shicai rose to power in the 1930s.",
        [("the 1930s", "193X", None, "explicit")],
    ),
    (
        "Russian settlers had lived in the Ili valley in the 19th century.",
        [("the 19th century", "18XX", None, "explicit")],
    ),
    # "the winter of 1944-45" is one season, December 1944 - February 1945: 1944-WI (the season
    # is named by the year it begins in, as the season bounds in etr.dates also read it)
    (
        "The Ili region was restless throughout the winter of 1944–45.",
        [("the winter of 1944–45", "1944-WI", None, "explicit")],
    ),
    case(
        "Heavy fighting continued through the winter of 1944-45 along the Manas River.",
        [("the winter of 1944-45", "1944-WI", None, "explicit")],
        "ASCII hyphen: etr tags only '1944-45' as the year range 1944/1945 (season dropped)",
    ),
    case(
        "Heavy fighting continued through the winter of 1944-1945 along the Manas River.",
        [("the winter of 1944-1945", "1944-WI", None, "explicit")],
        "ASCII hyphen: etr tags only '1944-1945' as the year range 1944/1945 (season dropped)",
    ),
    (
        "Negotiations resumed in the spring of 1946.",
        [("the spring of 1946", "1946-SP", None, "explicit")],
    ),
    (
        "Negotiations resumed in spring of 1946.",
        [("spring of 1946", "1946-SP", None, "explicit")],
    ),
    (
        "Talks resumed in the Spring of 1946.",
        [("the Spring of 1946", "1946-SP", None, "explicit")],
    ),
    # ranges
    (
        "The region was effectively independent between 1944 and 1949.",
        [("1944 and 1949", "1944/1949", None, "explicit")],
    ),
    (
        "Between 1944 and 1949 the region was effectively independent.",
        [("1944 and 1949", "1944/1949", None, "explicit")],
    ),
    (
        "Talks were held in Tihwa from March to May 1946.",
        [("March to May 1946", "1946-03/1946-05", None, "explicit")],
    ),
    (
        "The Three Districts were autonomous in 1944–1949.",
        [("1944–1949", "1944/1949", None, "explicit")],
    ),
    (
        "The Three Districts were autonomous in 1944-49.",
        [("1944-49", "1944/1949", None, "explicit")],
    ),
    (
        "The region was independent from 1944 until 1949.",
        [("1944 until 1949", "1944/1949", None, "explicit")],
    ),
    (
        "By the end of 1950 the PLA controlled the province.",
        [("the end of 1950", "1950", "END", "explicit")],
    ),
    # relative and derived
    (
        "The rebels took Kuldja on 7 November 1944. Three days later the airfield fell.",
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("Three days later", "1944-11-10", None, "relative"),
        ],
    ),
    (
        "The rebels took Kuldja on 7 November 1944; three days later the airfield fell.",
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("three days later", "1944-11-10", None, "relative"),
        ],
    ),
    (
        "The rebels took Kuldja on 7 November 1944. The next day the airfield fell.",
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("The next day", "1944-11-08", None, "relative"),
        ],
    ),
    (
        "The rebels took Kuldja on 7 November 1944, and the next day the airfield fell.",
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("the next day", "1944-11-08", None, "relative"),
        ],
    ),
    (
        "Ahmadjan became vice-chairman in 1946. The following year the coalition collapsed.",
        [("1946", "1946", None, "explicit"), ("The following year", "1947", None, "relative")],
    ),
    (
        # "the following year" counts from the end of the range just stated
        "Sheng ruled Xinjiang from 1933 to 1944. The following year he left for Chongqing.",
        [
            ("1933 to 1944", "1933/1944", None, "explicit"),
            ("The following year", "1945", None, "relative"),
        ],
    ),
    (
        "Deng arrived on 17 August 1949. Two weeks later the delegation left Moscow.",
        [
            ("17 August 1949", "1949-08-17", None, "explicit"),
            ("Two weeks later", "1949-08-31", None, "relative"),
        ],
    ),
    case(
        "The rebels took Kuldja on 7 November 1944. A week later the airfield fell.",
        [
            ("7 November 1944", "1944-11-07", None, "explicit"),
            ("A week later", "1944-11-14", None, "relative"),
        ],
        "capitalised article: 'A week later' is not found (only lowercase 'a'/'an' are numbers)",
    ),
    (
        "Sheng Shicai was dismissed in 1944; a decade earlier he had invited Soviet troops into Xinjiang.",
        [("1944", "1944", None, "explicit"), ("a decade earlier", "1934", None, "derived")],
    ),
    case(
        "The Second East Turkestan Republic was founded in 1944. A decade earlier the first "
        "republic had collapsed in Kashgar.",
        [("1944", "1944", None, "explicit"), ("A decade earlier", "1934", None, "derived")],
        "capitalised article: 'A decade earlier' at a sentence start is not found at all",
    ),
    # more newspaper and telegram forms
    (
        "THE CONSUL LEFT AUGUST 28, 1946. RETURNED SEPT 3 WITH INSTRUCTIONS.",
        [
            ("AUGUST 28, 1946", "1946-08-28", None, "explicit"),
            ("SEPT 3", "1946-09-03", None, "year-inherited"),
        ],
    ),
    (
        "The consul left in Dec. 1945 for Nanking.",
        [("Dec. 1945", "1945-12", None, "explicit")],
    ),
    (
        "The consul left on 2 September 1946. He returned on the 3rd of October.",
        [
            ("2 September 1946", "1946-09-02", None, "explicit"),
            ("the 3rd of October", "1946-10-03", None, "year-inherited"),
        ],
    ),
    (
        "The talks stalled in mid-September 1949.",
        [("mid-September 1949", "1949-09", "MID", "explicit")],
    ),
    (
        "The talks resumed in early October 1949.",
        [("early October 1949", "1949-10", "EARLY", "explicit")],
    ),
    (
        "Riots broke out in the early 1950s.",
        [("the early 1950s", "195X", "EARLY", "explicit")],
    ),
    case(
        "The ETR was founded in November 1944. Early in 1945 the army was formed.",
        [
            ("November 1944", "1944-11", None, "explicit"),
            ("Early in 1945", "1945", "EARLY", "explicit"),
        ],
        "'Early in 1945' gives only ('1945', '1945', None): the EARLY modifier is lost",
    ),
    (
        "The fighting lasted 7-13 November 1944.",
        [("7-13 November 1944", "1944-11-07/1944-11-13", None, "explicit")],
    ),
    case(
        "The fighting lasted from 7 to 13 November 1944.",
        [("7 to 13 November 1944", "1944-11-07/1944-11-13", None, "explicit")],
        "etr gives only ('13 November 1944', '1944-11-13'): the day range is cut in half",
    ),
    case(
        "The fighting lasted from November 7 to 13, 1944.",
        [("November 7 to 13, 1944", "1944-11-07/1944-11-13", None, "explicit")],
        "etr gives only ('1944', '1944'): the month and both days are lost",
    ),
    case(
        "The fighting lasted November 7-13, 1944.",
        [("November 7-13, 1944", "1944-11-07/1944-11-13", None, "explicit")],
        "etr gives only ('1944', '1944'): the month and both days are lost",
    ),
    (
        "The ETR lasted from November 1944 to June 1946.",
        [("November 1944 to June 1946", "1944-11/1946-06", None, "explicit")],
    ),
    (
        "The ETR lasted from 12 November 1944 to 27 June 1946.",
        [("12 November 1944 to 27 June 1946", "1944-11-12/1946-06-27", None, "explicit")],
    ),
    case(
        # README: a range is one span ("the spring and summer of 1949")
        "Fighting continued from the autumn of 1944 to the summer of 1945.",
        [("the autumn of 1944 to the summer of 1945", "1944-FA/1945-SU", None, "explicit")],
        "etr gives two spans: ('the autumn of 1944', '1944-FA') and ('the summer of 1945', '1945-SU')",
    ),
    (
        "The delegates arrived on 22 August 1949. On 25 August they flew to Moscow; two days "
        "later they were dead.",
        [
            ("22 August 1949", "1949-08-22", None, "explicit"),
            ("25 August", "1949-08-25", None, "year-inherited"),
            ("two days later", "1949-08-27", None, "relative"),
        ],
    ),
    case(
        # README: a relative expression keeps its clause; in apposition it restates the date
        "The PLA entered Xinjiang in October 1949, two months after the crash.",
        [
            ("October 1949", "1949-10", None, "explicit"),
            ("two months after the crash", "1949-10", None, "derived"),
        ],
        "etr's span stops at 'two months after' (the noun-phrase clause 'the crash' is dropped)",
    ),
    (
        "The ETR was founded in 1944. In 1949, five years later, it was absorbed.",
        [
            ("1944", "1944", None, "explicit"),
            ("1949", "1949", None, "explicit"),
            ("five years later", "1949", None, "derived"),
        ],
    ),
    # durations
    (
        "The concessions were granted for fifty years.",
        [("fifty years", "P50Y", None, "explicit")],
    ),
    (
        "In 1937 Sheng invited Soviet troops. For fifty years the concession would run.",
        [("1937", "1937", None, "explicit"), ("fifty years", "P50Y", None, "explicit")],
    ),
    (
        "The rebels fought for three days.",
        [("three days", "P3D", None, "explicit")],
    ),
    (
        "The province fell within three months.",
        [("three months", "P3M", None, "explicit")],
    ),
    # Russian month names, in lower case as Russian writes them
    (
        "Договор был подписан 14 февраля 1950 г. в Москве.",
        [("14 февраля 1950", "1950-02-14", None, "explicit")],
    ),
    (
        "В ноябре 1944 года в Кульдже началось восстание.",
        [("ноябре 1944", "1944-11", None, "explicit")],
    ),
    # German, with the day's stop, and Turkish month names (real pages: tests/data/real/reference/)
    (
        "Sheng Shicai (auch Cheng-Chi-Tsai, chinesisch 盛世才 Shèng Shìcái, * 1897 in Kaiyuan; † 13. Juli 1970) war "
        "ein Mandschu-stämmiger Kriegsherr in der Republik China und vom 12. April 1933 bis zum 29. August 1944 "
        "Gouverneur von Xinjiang.",
        [("1897", "1897", None, "explicit"), ("13. Juli 1970", "1970-07-13", None, "explicit"),
         ("12. April 1933", "1933-04-12", None, "explicit"), ("29. August 1944", "1944-08-29", None, "explicit")],
    ),
    (
        "Mücadele sonucu 12 Kasım 1933 tarihinde kurulan Kaşgar merkezli “Doğu Türkistan İslam Cumhuriyeti”ne "
        "destek olmuştur.",
        [("12 Kasım 1933", "1933-11-12", None, "explicit")],
    ),
    (
        "14 Haziran 1965 tarihinde aramızdan ayrılan Doğu Türkistan davasının önde gelen şahsiyetlerinden.",
        [("14 Haziran 1965", "1965-06-14", None, "explicit")],
    ),
    # the day, the month and the year in figures with stops, either way round (an RFA Uyghur page)
    ("2019.08.29", [("2019.08.29", "2019-08-29", None, "explicit")]),
    ("Published 29.08.2019 in Urumqi.", [("29.08.2019", "2019-08-29", None, "explicit")]),
    # ... a space after each stop, as German and Turkish pages print them (tests/data/real/memoirs/sekur_...)
    ("A. Şekür Turan 11. 11. 2011 günü Ankara’da vefat etmiştir.", [("11. 11. 2011", "2011-11-11", None, "explicit")]),
    ("Der Kredit wurde am 16. 5. 1935 unterzeichnet.", [("16. 5. 1935", "1935-05-16", None, "explicit")]),
    # a British despatch's month before "last" (Hansard's "signed in August last", tests/data/real/telegrams/hansard_...)
    ("London, 30 October 1945. When the treaty was signed in August last, translations were published.",
     [("30 October 1945", "1945-10-30", None, "explicit"), ("August last", "1945-08", None, "relative")]),
    # ... and a day and such a month with no year, where the language's weekday, a comma or a case
    # ending follows: the year carried from the text (tests/data/real/memoirs/sekur_...)
    ("Turan 11. 11. 2011 günü vefat etmiştir. Cenazesi 12 Kasım Cumartesi toprağa verilmiştir.",
     [("11. 11. 2011", "2011-11-11", None, "explicit"), ("12 Kasım", "2011-11-12", None, "year-inherited")]),
    ("Cumhuriyet 1933 yılında kuruldu. 12 Kasım’da ilan edildi.",
     [("1933", "1933", None, "explicit"), ("12 Kasım", "1933-11-12", None, "year-inherited")]),
    ("En 1944, la révolte éclata. Le 7 novembre, les rebelles prirent Kouldja.",
     [("1944", "1944", None, "explicit"), ("7 novembre", "1944-11-07", None, "year-inherited")]),
    ("Батырды 1951 жылдың 28 сәуір күні Үрімжіде атты.",  # Kazakh (tests/data/real/reference/ospan_...)
     [("1951", "1951", None, "explicit"), ("28 сәуір", "1951-04-28", None, "year-inherited")]),
    ("Turan 2011'de vefat etti. Cenazesi 12 Kasım günü toprağa verildi.",
     [("2011", "2011", None, "explicit"), ("12 Kasım", "2011-11-12", None, "year-inherited")]),
    # a month and a day in words: a telegram's "May tenth", "June the twenty-first, 1947"
    ("May 5, 1953\n\nLocal Authorities ordered me to leave Kashgar May tenth without fail stop",
     [("May 5, 1953", "1953-05-05", None, "explicit"), ("May tenth", "1953-05-10", None, "year-inherited")]),
    ("He left on May the tenth, 1953, and arrived on June twenty-first, 1953.",
     [("May the tenth, 1953", "1953-05-10", None, "explicit"), ("June twenty-first, 1953", "1953-06-21", None, "explicit")]),
    ("In 1944 the convoy had 20 Mai divisions at the 25 Mart Bridge; 3 Maj. Generals came.",
     [("1944", "1944", None, "explicit")]),
    # a Turkish headline's capitals ("KASIM": Kasım's dotless i)
    ("12 KASIM 1949 GÜNÜ", [("12 KASIM 1949", "1949-11-12", None, "explicit")]),
    # a list's numbers before English months are no days: the months alone
    ("Chronology: 1. March 1944, riots; 2. April 1944, arrests.",
     [("March 1944", "1944-03", None, "explicit"), ("April 1944", "1944-04", None, "explicit")]),
]


@pytest.mark.parametrize(("text", "expected"), FORM_CASES, ids=_ids(FORM_CASES))
def test_tag_forms(text: str, expected: list[Row]) -> None:
    assert tagged(text) == expected


# negatives: no date at all ("Article 1944" and similar debatable forms are left out)
NEGATIVE_CASES = [
    "Officials said the rebels may attack the city.",
    "Forward, brothers! March on Urumchi and free our people!",
    "Some feared that Mao may march on Urumchi before winter.",
    "Mao may march.",
    "May Allah grant us victory over the oppressors.",
    "The Kuomintang Muslim general Ma Hushan led the 36th Division to resist the invasion.",
    "The East Turkestan National Army joined the PLA as its 5th Army.",
    "We acutely need and hope that you will help us with 30-50 transport aircraft to ship food.",
    "Kazakhs made up 52.1% of the population.",
    "Over 1,500 rebels attacked the town.",
    "The number of rebels is over 1,500.",
    "The garrison had only 2000 troops left.",
    "The convoy took Route 66 out of the city.",
    "Resolution 324 transformed the Interim Government into the Ili District Council.",
    "The delegates boarded the Ilyushin Il-12 plane in Alma-Ata.",
    "Some 100,000 Nationalist troops changed sides.",
    # a month's name in another language, alone, is no month: "Mart", "Mai", "mars"
    "The Mart in Kashgar sold Russian cloth.",
    "Mai Shih-ying and Ekim met the delegates.",
    # nor a paragraph's number before a month ("2. March": the second paragraph), nor a version
    "2. March",
    "Revised as version 1.2.3 of the text.",
    # "Maj." is a Major, "Mai" and "Mart" no months without a year after them
    "Two Maj. Generals and 3 Maj. Gen. Sung's men arrived.",
    "The convoy had 20 Mai divisions at the 25 Mart Bridge.",
    # "May" and "March" opening a sentence before an ordinal are a verb
    "May first be said that the rebels were few. March first to the river!",
    # ... nor an ordinal of what follows it (a reviewer's cases)
    "He joined the May Fourth Movement and the December Ninth Movement.",
    "In March the first Soviet advisers arrived. By June the second division had left.",
    "In June second thoughts prevailed, and by August first priority went to the road.",
    # "Maj" is a Major's, not Swedish "maj", and "1 Maj," no day
    "The escort consisted of 1 Maj, 2 Capts and 40 sepoys.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=[t[:60] for t in NEGATIVE_CASES])
def test_tag_negatives(text: str) -> None:
    assert tagged(text) == []
    assert scan(text) == []


@pytest.mark.parametrize("text,values", [
    # life dates: a day and month after a year's dash are the end's, not a two-digit year
    ("Isa Yusuf Alptekin (1901 – 17 December 1995) was a Uyghur leader.", ["1901", "1995-12-17"]),
    ("Khoja Niyaz (1889 - 21 August 1941) led the rising.", ["1889", "1941-08-21"]),
    ("The war of 1914–18 and the years 1944-46 were hard.", ["1914/1918", "1944/1946"]),
])
def test_a_year_then_a_day_and_month(text: str, values: list[str]) -> None:
    assert [v for _t, v, *_ in tagged(text)] == values


@pytest.mark.parametrize("text,dated", [
    # a date word inside a name is no date (an OCR's "Easter Turkestan", a newspaper's title)
    ("The new republic has established itself in Easter Turkestan, just over the border.", False),
    ("Taranaki Daily News, Page 7", False),
    ("The court moved to the Summer Palace outside Peking.", False),
    # beside a date word, or opening a phrase, it is a date
    ("The consulate was closed on Easter Sunday, 1934.", True),
    ("They met at Christmas 1944 to talk it over.", True),
    ("The paper was published Daily until the war.", True),
])
def test_a_date_word_inside_a_name(text: str, dated: bool) -> None:
    assert bool(tagged(text)) is dated


# ------------------------------------------------------------------------ 3. parse_period

PERIOD_CASES: list = [
    ("1944", ("1944-01-01", "1944-12-31")),
    ("1944-11", ("1944-11-01", "1944-11-30")),
    ("November 1944", ("1944-11-01", "1944-11-30")),
    ("Nov 1944", ("1944-11-01", "1944-11-30")),
    ("nov 1944", ("1944-11-01", "1944-11-30")),
    ("NOVEMBER 1944", ("1944-11-01", "1944-11-30")),
    ("15 November 1944", ("1944-11-15", "1944-11-15")),
    ("15 Nov 1944", ("1944-11-15", "1944-11-15")),
    ("November 15, 1944", ("1944-11-15", "1944-11-15")),
    ("1944-11-15", ("1944-11-15", "1944-11-15")),
    ("29 February 1944", ("1944-02-29", "1944-02-29")),
    ("1944..1946", ("1944-01-01", "1946-12-31")),
    ("1944-1946", ("1944-01-01", "1946-12-31")),
    # seasons are meteorological, northern hemisphere: summer = June-August
    ("summer 1945", ("1945-06-01", "1945-08-31")),
    # "winter 1944" is the winter that begins in December 1944
    ("winter 1944", ("1944-12-01", "1945-02-28")),
    # a historian's "late 1949" is the last third of the year in whole months: September-December
    ("late 1949", ("1949-09-01", "1949-12-31")),
    ("1940s", ("1940-01-01", "1949-12-31")),
    ("19th century", ("1800-01-01", "1899-12-31")),
]


@pytest.mark.parametrize(("query", "expected"), PERIOD_CASES, ids=_ids(PERIOD_CASES))
def test_parse_period(query: str, expected: tuple[str, str]) -> None:
    p = parse_period(query)
    assert p is not None
    assert (p.start, p.end) == expected


@pytest.mark.parametrize("query", ["plane crash", "Ghulja Declaration", "Ili", "may", "march"])
def test_parse_period_not_a_date(query: str) -> None:
    assert parse_period(query) is None


@pytest.mark.parametrize(("query", "message"), IMPOSSIBLE_DATES.values(), ids=IMPOSSIBLE_DATES)
def test_parse_period_bad(query: str, message: str) -> None:
    with pytest.raises(BadQuery) as err:
        parse_period(query)
    assert message in err.value.message


# ------------------------------------------------------------------- 4. property-based tests


@st.composite
def days(draw: st.DrawFn) -> dt.date:
    # years the grammar reads as years: 1000-2099
    return draw(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31)))


def _spellings(d: dt.date) -> list[str]:
    name = calendar.month_name[d.month]
    return [
        f"{d.day} {name} {d.year}",
        f"{name} {d.day}, {d.year}",
        d.isoformat(),
    ]


@given(days())
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_property_full_dates_parse(d: dt.date) -> None:
    for s in _spellings(d):
        p = parse_period(s)
        assert p is not None, s
        assert (p.start, p.end, p.value) == (d.isoformat(), d.isoformat(), d.isoformat()), s


@given(days())
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_property_full_dates_found_in_prose(d: dt.date) -> None:
    for s in _spellings(d):
        prefix = "The agreement was signed on "
        text = f"{prefix}{s} at the consulate in Tihwa."
        raws = scan(text)
        assert [(r.start, r.end) for r in raws] == [(len(prefix), len(prefix) + len(s))], s
        assert raws[0].a == Point(d.year, d.month, d.day) and raws[0].b is None, s
        assert tagged(text) == [(s, d.isoformat(), None, "explicit")], s


TOKENS = (
    "1944 1945-46 1944–1949 15 3rd November Nov. Sept. MAY may spring winter of the to and "
    "between By by early mid- late 1940s 19th century end day days later earlier following a "
    "decade fifty years , . ( ) - – 0 29 February 31 2000 troops 1,500 52.1% that same year "
    "was founded this time"
).split()


def _check_scan(text: str) -> None:
    raws = scan(text)
    prev_end = 0
    for r in raws:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.start >= prev_end, "overlapping or out of order"
        prev_end = r.end


@given(st.text(max_size=300))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_property_scan_random_text(text: str) -> None:
    _check_scan(text)


@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from([" ", "", "\n"]))
@settings(max_examples=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_property_scan_date_soup(tokens: list[str], sep: str) -> None:
    text = sep.join(tokens) if sep else " ".join(tokens).replace(" ,", ",")
    _check_scan(text)
    spans = tag(text, [(0, len(text))])  # resolving never raises either
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)


NEWSPAPER = (
    "TIHWA, Sinkiang, Jan. 2, 1946 (AP)—Representatives of the Ili rebels signed a preliminary peace "
    "agreement here today. Last month the rebels' forces had advanced to the Manass River. The talks began "
    "yesterday. Last week Burhan met the Soviet consul. On the 5th Burhan will meet him again. The consul "
    "left on the 14th instant and returned on the 3rd ult. The 5th Army was not there."
)


def test_newspaper_and_telegram_deixis() -> None:
    """A dateline anchors "today", "last month", "on the 5th", "14th instant", "3rd ult." and they do
    not move it; ordinals that name units ("The 5th Army") are not dates."""
    assert tagged(NEWSPAPER) == [
        ("Jan. 2, 1946", "1946-01-02", None, "explicit"),
        ("today", "1946-01-02", None, "relative"),
        ("Last month", "1945-12", None, "relative"),
        ("yesterday", "1946-01-01", None, "relative"),
        ("Last week", "1945-W52", None, "relative"),  # the calendar week before Wednesday 2 January
        ("the 5th", "1946-01-05", None, "year-inherited"),
        ("14th instant", "1946-01-14", None, "year-inherited"),
        ("3rd ult.", "1945-12-03", None, "year-inherited"),
    ]


DATEISH = st.lists(st.sampled_from([
    "the", "The", "1944", "15", "3rd", "November", "Nov.", "may", "March", "summer", "late", "mid-",
    "following", "day", "days", "five", "a", "A", "decade", "earlier", "later", "that", "year", "by",
    "By", "this", "time", "last", "week", "today", "instant", "ult.", "of", "to", "and", "–", "-", ",",
    "(", ")", "1944–45", "1930s", "19th", "century", "end", "On", "on", "Ghulja", "36th", "Division",
    # news and business: words many forms begin with, and the words after them
    "third", "third-quarter", "quarter", "first", "half", "fiscal", "year-earlier", "past", "weeks", "ago",
    "Friday", "morning", "now", "future", "recent", "every", "daily", "at", "10:30", "a.m.", "noon", "late-November",
    "nineteen", "ninety-six", "Thanksgiving", "Day", "weekend", "nearly", "more", "than", "about", "the", "The",
]), max_size=40).map(" ".join)


@given(st.one_of(DATEISH, st.text(max_size=300)))
@settings(max_examples=500, deadline=None)
def test_fast_matching_equals_a_full_scan(text: str) -> None:
    """Trying the grammar only where a date can begin finds exactly what a full scan finds."""
    from etr.dates.forms import _matches, grammar

    for ignore_case in (False, True):
        full = [(m.start(), m.end(), m.lastgroup) for m in grammar(ignore_case).finditer(text)]
        fast = [(m.start(), m.end(), m.lastgroup) for m in _matches(text, ignore_case)]
        assert fast == full


@pytest.mark.parametrize("query,bounds", [
    ("end of 1949", ("1949-11-26", "1949-12-31")),
    ("first half of 1946", ("1946-01-01", "1946-06-30")),
    ("the second half of 1946", ("1946-07-01", "1946-12-31")),
    ("9/1945", ("1945-09-01", "1945-09-30")),
    ("between 1944 and 1946", ("1944-01-01", "1946-12-31")),
    ("from 1944 to 1946", ("1944-01-01", "1946-12-31")),
    ("from March to May 1946", ("1946-03-01", "1946-05-31")),
    ("in November 1944", ("1944-11-01", "1944-11-30")),
    ("during 1945", ("1945-01-01", "1945-12-31")),
    ("1944/1946", ("1944-01-01", "1946-12-31")),
    ("1944-11/1945-02", ("1944-11-01", "1945-02-28")),
    ("the 1940s", ("1940-01-01", "1949-12-31")),
])
def test_parse_period_phrasings(query: str, bounds: tuple[str, str]) -> None:
    p = parse_period(query)
    assert p is not None and (p.start, p.end) == bounds


@pytest.mark.parametrize("query", ["in Ghulja", "from Moscow to Beijing", "between the wars"])
def test_parse_period_leaves_non_dates_alone(query: str) -> None:
    assert parse_period(query) is None


@given(st.integers(900, 2200), st.one_of(st.none(), st.integers(0, 13)), st.one_of(st.none(), st.integers(0, 32)))
@settings(max_examples=400, deadline=None)
def test_iso_shortcut_reads_what_the_grammar_reads(y: int, m: int | None, d: int | None) -> None:
    """parse_period reads 1944 / 1944-11 / 1944-11-12 without the grammar; the grammar agrees."""
    import re

    from etr.dates import periods as dates
    from etr.errors import BadQuery

    q = f"{y:04d}" + (f"-{m:02d}" if m is not None else "") + (f"-{d:02d}" if m is not None and d is not None else "")

    def read() -> object:
        try:
            return dates.parse_period(q)
        except BadQuery as e:
            return ("bad", e.message)

    fast = read()
    saved = dates._ISO
    dates._ISO = re.compile(r"(?!)")
    try:
        assert read() == fast
    finally:
        dates._ISO = saved


def tagged_paragraphs(text: str) -> list[Row]:
    """The tagger's reading of `text`, paragraphs split at blank lines (as documents are)."""
    import re

    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    return [(text[s.start : s.end], s.date.value, s.date.mod, s.date.how) for s in tag(text, spans)]


TELEGRAM_1949 = """AMERICAN CONSULATE, TIHWA, SINKIANG
September 25, 1949

251. Reference mytel 248 of 23rd.

Garrison Commander TAO this afternoon issued declaration. Conference which opened on the 21st continues. Tihwa quiet tonight.

PAXTON having left Tihwa last month, Vice Consul remains. Burhan elected last September. Situation early this month calm; late last month tense.

Kuldja fell Nov. 7 last year. Troops arrive the day after tomorrow. Soviet consul called on Monday.

The coalition government of 1946 has gone. In September the Ili group sent delegates; on Oct. 1 the new state begins.
"""


def test_a_telegram_reads_its_words_from_its_date_line() -> None:
    """Deixis ("this afternoon", "last month", "last September", "of 23rd", "on Monday") reads from
    the date line, not from the last date mentioned; a bare year ("of 1946") does not pull later
    month names back into its year."""
    assert tagged_paragraphs(TELEGRAM_1949) == [
        ("September 25, 1949", "1949-09-25", None, "explicit"),
        ("23rd", "1949-09-23", None, "year-inherited"),
        ("this afternoon", "1949-09-25TAF", None, "relative"),
        ("the 21st", "1949-09-21", None, "year-inherited"),
        ("tonight", "1949-09-25", None, "relative"),
        ("last month", "1949-08", None, "relative"),
        ("last September", "1948-09", None, "relative"),
        ("early this month", "1949-09", "EARLY", "relative"),
        ("late last month", "1949-08", "LATE", "relative"),
        ("Nov. 7 last year", "1948-11-07", None, "relative"),
        ("the day after tomorrow", "1949-09-27", None, "relative"),
        ("Monday", "1949-09-19", None, "relative"),
        ("1946", "1946", None, "explicit"),
        ("September", "1949-09", None, "year-inherited"),
        ("Oct. 1", "1949-10-01", None, "year-inherited"),
    ]


NEWS_TWO_CLIPPINGS = """THE NEW YORK TIMES, FRIDAY, JANUARY 4, 1946

CHUNGKING, Jan. 3 (AP)—The Central Government announced today that the talks ended. They had begun in October; Dec. 28 saw the last session.

THE NEW YORK TIMES, TUESDAY, JULY 2, 1946

TIHWA, July 1 (AP)—The coalition government took office today. Its programme was agreed last January and signed on June 6.
"""


def test_each_clipping_reads_from_its_own_date_line() -> None:
    assert tagged_paragraphs(NEWS_TWO_CLIPPINGS) == [
        ("FRIDAY, JANUARY 4, 1946", "1946-01-04", None, "explicit"),
        ("Jan. 3", "1946-01-03", None, "year-inherited"),
        ("today", "1946-01-03", None, "relative"),
        ("October", "1945-10", None, "year-inherited"),
        ("Dec. 28", "1945-12-28", None, "year-inherited"),
        ("TUESDAY, JULY 2, 1946", "1946-07-02", None, "explicit"),
        ("July 1", "1946-07-01", None, "year-inherited"),
        ("today", "1946-07-01", None, "relative"),
        ("last January", "1946-01", None, "relative"),
        ("June 6", "1946-06-06", None, "year-inherited"),
    ]


def test_prose_without_a_date_line_keeps_the_story_clock() -> None:
    """An article opening with prose has no date line: "the following year" follows the year that
    opens the sentence before it, and a short sentence with a date is not taken for a date line."""
    text = "He died on 27 August 1949.\n\nIn June 1941 he turned to Moscow. In 1942 he broke with it, and in the following year expelled its advisers. Later that month the 3rd came."
    rows = tagged_paragraphs(text)
    assert ("the following year", "1943", None, "relative") in rows


@pytest.mark.parametrize("folder_name,at_least", [("unseen", 0.96), ("unseen2", 0.85)])
def test_unseen_documents(folder_name: str, at_least: float) -> None:
    """Telegrams, reports, a despatch, a communiqué, a chronology, encyclopedia entries and a memoir
    in 1940s romanisations (tests/data/unseen*): the share of the hand annotation's dates found with
    their value (89/90 and 113/129 when written; the second round still misses 'the eve of ...',
    'a few days later' after a bare month, 'the first of July')."""
    import json

    from etr.ingest.sentences import read_document

    folder = DATA / folder_name
    gold = [json.loads(x) for x in (folder / "timex_gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [g for g in gold if g.get("type", "DATE") == "DATE" and not g.get("optional")]
    found: dict[str, list[tuple[int, int, str]]] = {}
    for name in {g["doc"] for g in gold}:
        text = (folder / name).read_text(encoding="utf-8")
        doc = read_document(name, text)
        found[name] = [(t.start, t.end, t.date.value) for t in tag(text, [(p.start, p.end) for p in doc.paragraphs])]
    right, wrong = 0, []
    for g in gold:
        values = {g["value"], *g.get("alt_values", [])}
        if any(s < g["end"] and g["start"] < e and v in values for s, e, v in found[g["doc"]]):
            right += 1
        else:
            wrong.append((g["doc"], g["text"], g["value"]))
    assert len(gold) >= 85
    assert right >= at_least * len(gold), (right, len(gold), wrong)


BRITISH_REPORT = """BRITISH CONSULATE-GENERAL, KASHGAR.
3rd December, 1944.

I have the honour to report that on the night of the 7th-8th November the insurgents attacked Kuldja. Fighting continued until 13th November. On Nov 12th the Republic was proclaimed; on the 15th the Government was formed. A report reached me on the 20th ultimo. The Governor left on Tuesday last.
"""


def test_a_consular_despatch() -> None:
    """British usage: '3rd December, 1944', '7th-8th November', '20th ultimo', 'Tuesday last'."""
    assert tagged_paragraphs(BRITISH_REPORT) == [
        ("3rd December, 1944", "1944-12-03", None, "explicit"),
        ("7th-8th November", "1944-11-07/1944-11-08", None, "year-inherited"),
        ("13th November", "1944-11-13", None, "year-inherited"),
        ("Nov 12th", "1944-11-12", None, "year-inherited"),
        ("the 15th", "1944-11-15", None, "year-inherited"),
        ("20th ultimo", "1944-11-20", None, "year-inherited"),
        ("Tuesday last", "1944-11-28", None, "relative"),
    ]


@pytest.mark.parametrize("text,expected", [
    ("In 1946 the talks began. In the summer they broke down; that autumn fighting resumed.",
     [("1946", "1946", None, "explicit"), ("the summer", "1946-SU", None, "year-inherited"),
      ("that autumn", "1946-FA", None, "year-inherited")]),
    ("Since the spring the rebels had advanced.", []),  # no year to give it
    ("At the beginning of the 1940s he moved to Moscow.", [("the beginning of the 1940s", "194X", "START", "explicit")]),
    ("The spring and summer of 1949 passed.", [("The spring and summer of 1949", "1949-SP/1949-SU", None, "explicit")]),
])
def test_seasons_without_a_year_and_decade_bounds(text: str, expected: list[Row]) -> None:
    assert tagged(text) == expected


def test_the_fall_of_a_city_is_no_season() -> None:
    assert tagged("In 1949 the army advanced. Since fall of LANCHOW on August 26 the road is open.") == [
        ("1949", "1949", None, "explicit"), ("August 26", "1949-08-26", None, "year-inherited")]


@pytest.mark.parametrize("text,expected", [
    ("Kashgar, 14th March, 1947.\n\nOn the 28th February the Governor met us.",
     [("14th March, 1947", "1947-03-14", None, "explicit"), ("28th February", "1947-02-28", None, "year-inherited")]),
    ("1944, Nov. 12 — Proclamation of the ETR at Kuldja.\n\n1934 Jan. — Ma Chung-ying attacks Urumchi.",
     [("1944, Nov. 12", "1944-11-12", None, "explicit"), ("1934 Jan.", "1934-01", None, "explicit")]),
    ("In 1949 the army moved. At the end of September the garrison surrendered.",
     [("1949", "1949", None, "explicit"), ("the end of September", "1949-09", "END", "year-inherited")]),
    ("In the autumn of 1946 I went to Urumchi. That winter was hard. In February the Governor fell.",
     [("the autumn of 1946", "1946-FA", None, "explicit"), ("That winter", "1946-WI", None, "year-inherited"),
      ("February", "1947-02", None, "year-inherited")]),
    ("URUMCHI, Sept. 28, 1949 (Reuter)—Troops arrived this week. Last week the talks ended.",
     [("Sept. 28, 1949", "1949-09-28", None, "explicit"), ("this week", "1949-W39", None, "relative"),
      ("Last week", "1949-W38", None, "relative")]),
    ("The expedition.\n\nNovember 10th 1933 this expedition left Kweihua. On Christmas Eve they arrived at "
     "Wayun Tooroy. In February of 1934 they reached Hami. By the end of May of 1934 all was over.",
     [("November 10th 1933", "1933-11-10", None, "explicit"), ("Christmas Eve", "1933-12-24", None, "relative"),
      ("February of 1934", "1934-02", None, "explicit"), ("the end of May of 1934", "1934-05", "END", "explicit")]),
    ("Legends Museum.\n\nIt was issued on May 20, AD 1949 (Republic of China Year 38). On 3 March A.D. 1912 "
     "the Governor came. In May 1945 AD all ended, AND the rest.",
     [("May 20, AD 1949", "1949-05-20", None, "explicit"), ("3 March A.D. 1912", "1912-03-03", None, "explicit"),
      ("May 1945 AD", "1945-05", None, "explicit")]),
])
def test_despatches_chronologies_and_memoirs(text: str, expected: list[Row]) -> None:
    """Forms from a second round of unseen documents: British 'the 28th February', a chronology's
    '1944, Nov. 12', a boundary of a month, winter running into the next year, calendar weeks."""
    assert tagged_paragraphs(text) == expected


CHRONOLOGY = """CHRONOLOGY OF EVENTS IN SINKIANG, 1933-1955

1942, summer — Sheng turns against his Soviet patrons.
1944, Nov. 7 — Rising at Kuldja.
1946
Jan. 2 — Eleven-point agreement signed at Tihwa.
Summer — Ali Khan Tura taken to the Soviet Union.
1947
Feb. — Demonstrations at Urumchi.
May — Masud Sabri appointed Chairman.
"""


def test_a_chronology_under_year_headings() -> None:
    """A chronology's lines: '1942, summer —', '1944, Nov. 7 —' (no date line, though short), and
    bare 'Feb. —' / 'Summer —' entries under a year heading take that year (one line, one paragraph)."""
    from etr.ingest.sentences import read_document

    spans = [(p.start, p.end) for p in read_document("chronology", CHRONOLOGY).paragraphs]
    got = [(CHRONOLOGY[t.start : t.end], t.date.value, t.date.mod, t.date.how) for t in tag(CHRONOLOGY, spans)]
    assert got == [
        ("1933-1955", "1933/1955", None, "explicit"),
        ("1942, summer", "1942-SU", None, "explicit"),
        ("1944, Nov. 7", "1944-11-07", None, "explicit"),
        ("1946", "1946", None, "explicit"),
        ("Jan. 2", "1946-01-02", None, "year-inherited"),
        ("Summer", "1946-SU", None, "year-inherited"),
        ("1947", "1947", None, "explicit"),
        ("Feb.", "1947-02", None, "year-inherited"),
        ("May", "1947-05", None, "year-inherited"),
    ]


def test_spelled_ordinals_and_days_known_only_to_the_month() -> None:
    text = ("In the early summer of 1946 the agreement held. On the first of July the government formed. "
            "In February 1947 I reached Urumchi. The next morning we left. Two days later it ended.")
    assert tagged(text) == [
        ("the early summer of 1946", "1946-SU", "EARLY", "explicit"),
        ("the first of July", "1946-07-01", None, "year-inherited"),
        ("February 1947", "1947-02", None, "explicit"),
        ("The next morning", "1947-02", None, "relative"),
        ("Two days later", "1947-02", None, "relative"),
    ]


def test_the_spellings_of_the_1940s() -> None:
    text = "HONG KONG, Sept. 28, 1949 (Reuter)—The army arrives to-day and leaves to-morrow. In January of last year the talks failed."
    assert tagged(text) == [
        ("Sept. 28, 1949", "1949-09-28", None, "explicit"),
        ("to-day", "1949-09-28", None, "relative"),
        ("to-morrow", "1949-09-29", None, "relative"),
        ("January of last year", "1948-01", None, "relative"),
    ]


def test_a_time_of_receipt_is_a_time_never_a_year() -> None:
    """A telegram's heading and its receipt line: '6 p.m.' and '10:20 a.m.' are times of the days
    beside them, and no number in them is read as a year."""
    text = "Tihwa, March 3, 1947—6 p.m.\n\nReceived March 4, 10:20 a.m.\n\nThe garrison left at dawn on the 4th."
    assert tagged_paragraphs(text) == [
        ("March 3, 1947", "1947-03-03", None, "explicit"),
        ("6 p.m.", "1947-03-03T18:00", None, "relative"),
        ("March 4, 10:20 a.m.", "1947-03-04T10:20", None, "year-inherited"),
        ("the 4th", "1947-03-04", None, "year-inherited"),
    ]


@pytest.mark.parametrize("text,expected", [
    ("Kuldja grew rapidly after 1949.", [("1949", "1949", "AFTER", "explicit")]),
    ("Before 1944 the district was quiet.", [("1944", "1944", "BEFORE", "explicit")]),
])
def test_a_date_open_on_one_side(text: str, expected: list[Row]) -> None:
    assert tagged(text) == expected


# ------------------------------------------------------- 6. any English document: news and business
# Made-up wire stories, each under a date line (as a dated story reaches etr); what a careful
# reader makes of their dates. Wednesday 4 March 1998 unless the line says otherwise.

def dated(text: str, line: str = "March 4, 1998") -> list[tuple[str, str, str | None, str]]:
    """The dates of `text` under a date line, as (span, value, mod, type), the line's own left out."""
    import re

    doc = f"{line}\n\n{text}"
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", doc)]
    return [(doc[s.start : s.end], s.date.value, s.date.mod, s.date.type)
            for s in tag(doc, spans) if s.start > len(line)]


NEWS_CASES: list = [
    # weekdays: the same day, the last one, or the coming one, as the clause says
    ("The minister resigned Tuesday, aides said.", [("Tuesday", "1998-03-03", None, "DATE")]),
    ("The vote was held Wednesday in the capital.", [("Wednesday", "1998-03-04", None, "DATE")]),
    ("The council will meet again Friday morning.", [("Friday morning", "1998-03-06TMO", None, "TIME")]),
    ("Talks are expected to resume on Monday.", [("Monday", "1998-03-09", None, "DATE")]),
    ("He left last Thursday and returns next Monday.",
     [("last Thursday", "1998-02-26", None, "DATE"), ("next Monday", "1998-03-09", None, "DATE")]),
    ("The strike began Sunday night.", [("Sunday night", "1998-03-01TNI", None, "TIME")]),
    ("On Monday, March 2, the court adjourned.", [("Monday, March 2", "1998-03-02", None, "DATE")]),
    ("Shops close for Good Friday.", [("Good Friday", "1998-04-10", None, "DATE")]),
    # the present, the past and the future as such
    ("Prices are now falling, and the mill currently employs 300 people.",
     [("now", "PRESENT_REF", None, "DATE"), ("currently", "PRESENT_REF", None, "DATE")]),
    ("The firm recently moved; in the future it will export.",
     [("recently", "PAST_REF", None, "DATE"), ("the future", "FUTURE_REF", None, "DATE")]),
    ("The future Chinese state was not discussed, nor the future of the garrison.", []),
    # counted back from the date line: a date, not a duration
    ("The dam was finished two years ago.", [("two years ago", "1996", None, "DATE")]),
    ("The bank failed six weeks ago.", [("six weeks ago", "1998-W04", None, "DATE")]),
    ("A decade ago the town had no road.", [("A decade ago", "1988", None, "DATE")]),
    ("The ferry sank nearly three months ago.", [("nearly three months ago", "1997-12", "LESS_THAN", "DATE")]),
    ("Several years ago the mine closed.", [("Several years ago", "PAST_REF", None, "DATE")]),
    # last/this/next units, seasons, weekends, the end of the year
    ("Exports rose last week, fell last month and will recover next year.",
     [("last week", "1998-W09", None, "DATE"), ("last month", "1998-02", None, "DATE"),
      ("next year", "1999", None, "DATE")]),
    ("The dispute began last fall and may end this summer.",
     [("last fall", "1997-FA", None, "DATE"), ("this summer", "1998-SU", None, "DATE")]),
    ("Earlier this month the talks stalled; they resumed over the weekend.",
     [("Earlier this month", "1998-03", None, "DATE"), ("the weekend", "1998-W09-WE", None, "DATE")]),
    ("The plant should be sold by the end of the year.", [("the end of the year", "1998", "END", "DATE")]),
    # months and days without a year: the nearest, or the one the tense points at
    ("The plant opened in April and will close in February.",
     [("April", "1998-04", None, "DATE"), ("February", "1999-02", None, "DATE")],
     "October 15, 1998"),
    ("The dividend is payable Dec. 7 to holders of record Nov. 20.",
     [("Dec. 7", "1998-12-07", None, "DATE"), ("Nov. 20", "1998-11-20", None, "DATE")], "October 15, 1998"),
    ("The boy was found on Thanksgiving Day.", [("Thanksgiving Day", "1997-11-27", None, "DATE")], "January 9, 1998"),
    ("The appeal is heard in May; the hearing falls in the week of May 4.",
     [("May", "1998-05", None, "DATE"), ("the week of May 4", "1998-W19", None, "DATE")]),
    ("Unions planned a march on Saturday.", [("Saturday", "1998-03-07", None, "DATE")]),
    ("The mill burned in January and reopened.", [("January", "1998-01", None, "DATE")], "October 25, 1998"),
    ("Aid will now flow through the capital, but it is recalled that in July the advisers were withdrawn.",
     [("now", "PRESENT_REF", None, "DATE"), ("July", "1949-07", None, "DATE")], "September 28, 1949"),
    ("In January the mill will reopen.", [("January", "1999-01", None, "DATE")], "October 25, 1998"),
    ("The minister fell ill on Monday and was in court the next morning.",
     [("Monday", "1998-03-02", None, "DATE"), ("the next morning", "1998-03-03", None, "DATE")]),
    # business reports: quarters, halves, fiscal years and the period under report
    ("Net income rose in the fourth quarter from a year earlier.",
     [("the fourth quarter", "1997-Q4", None, "DATE"), ("a year earlier", "1996-Q4", None, "DATE")],
     "February 2, 1998"),
    ("Third-quarter profit doubled. In the year-earlier quarter the company lost money, and the quarter's "
     "sales rose 5%.",
     [("Third-quarter", "1998-Q3", None, "DATE"), ("the year-earlier quarter", "1997-Q3", None, "DATE"),
      ("the quarter", "1998-Q3", None, "DATE")], "October 20, 1998"),
    ("The bank earned $5 million, or 12 cents a share, compared with $3 million a year earlier.",
     [("a year earlier", "1997-Q3", None, "DATE")], "October 20, 1998"),
    ("For the nine months, profit rose to $9 million from $7 million a year earlier.",
     [("the nine months", "P9M", None, "DURATION"), ("a year earlier", "1997", None, "DATE")], "October 20, 1998"),
    ("In 1946 the talks failed, and by the end of the year the army had moved.",
     [("1946", "1946", None, "DATE"), ("the end of the year", "1946", "END", "DATE")], "September 25, 1949"),
    ("Sales in fiscal 1997 and in the first half of 1996 were flat.",
     [("fiscal 1997", "1997", None, "DATE"), ("the first half of 1996", "1996-H1", None, "DATE")]),
    ("The company expects a loss for the current quarter.", [("the current quarter", "1998-Q1", None, "DATE")]),
    # times of day: a TIME, never a year
    ("The blast came at 10:30 a.m. Friday.", [("10:30 a.m. Friday", "1998-02-27T10:30", None, "TIME")]),
    ("The polls close at 8 p.m. EST tomorrow.", [("8 p.m. EST tomorrow", "1998-03-05T20:00", None, "TIME")]),
    ("Received March 4, 10:20 a.m., and decoded at noon.",
     [("March 4, 10:20 a.m.", "1998-03-04T10:20", None, "TIME"), ("noon", "1998-03-04T12:00", None, "TIME")]),
    ("Officials met this morning and again late last night.",
     [("this morning", "1998-03-04TMO", None, "TIME"), ("late last night", "1998-03-03TNI", "LATE", "TIME")]),
    # durations, with what belongs to their span
    ("The siege lasted three years; talks went on for nearly two weeks.",
     [("three years", "P3Y", None, "DURATION"), ("nearly two weeks", "P2W", "LESS_THAN", "DURATION")]),
    ("Output fell in the past two months and will rise over the next few years.",
     [("the past two months", "P2M", None, "DURATION"), ("the next few years", "PXY", None, "DURATION")]),
    ("The 14-day truce held for 2 1/2 years, and a five-hour meeting followed.",
     [("14-day", "P14D", None, "DURATION"), ("2 1/2 years", "P2Y6M", None, "DURATION"),
      ("five-hour", "PT5H", None, "DURATION")]),
    ("A 6-year-old boy and his 52-year-old uncle were 40 years old together.", []),
    ("The feud was decades-long; in recent years, and for years, it flared in the first hours of each vote.",
     [("decades-long", "PXY", None, "DURATION"), ("recent years", "PXY", None, "DURATION"),
      ("years", "PXY", None, "DURATION"), ("the first hours", "PTXH", None, "DURATION")]),
    # the year under report, open ends, the story's day
    ("The sale should close by year-end; profit will not return until 1994 or later.",
     [("year-end", "1998", "END", "DATE"), ("1994 or later", "1994", "AFTER", "DATE")]),
    ("For the year ended June 30 the mill lost money; in June last year it had gained.",
     [("the year", "P1Y", None, "DURATION"), ("June 30", "1998-06-30", None, "DATE"),
      ("June last year", "1997-06", None, "DATE")], "October 15, 1998"),
    ("The index fell Friday, 3% below the previous Friday, and by mid-afternoon yesterday it had recovered; "
     "traders met yesterday morning.",
     [("Friday", "1998-02-27", None, "DATE"), ("the previous Friday", "1998-02-20", None, "DATE"),
      ("mid-afternoon yesterday", "1998-03-03TAF", "MID", "TIME"), ("yesterday morning", "1998-03-03TMO", None, "TIME")]),
    # recurrences
    ("The market is closed Mondays and on Tuesday nights.",
     [("Mondays", "XXXX-WXX-1", None, "SET"), ("Tuesday nights", "XXXX-WXX-2TNI", None, "SET")]),
    ("The paper appears daily, the board meets every week and each Monday, and dues rise twice a year.",
     [("daily", "P1D", None, "SET"), ("every week", "P1W", None, "SET"), ("each Monday", "XXXX-WXX-1", None, "SET"),
      ("twice a year", "P1Y", None, "SET")]),
    ("The club meets once a month and three times per year, for $5 a week.",
     [("once a month", "P1M", None, "SET"), ("three times per year", "P1Y", None, "SET"), ("a week", "P1W", None, "SET")]),
    # years in words, decades in words, and numbers that are no years
    ("The law passed in nineteen ninety-six, when the index closed at 1820.5.",
     [("nineteen ninety-six", "1996", None, "DATE")]),
    ("Prices fell through the nineties; the plan runs to the year two thousand.",
     [("the nineties", "199X", None, "DATE"), ("the year two thousand", "2000", None, "DATE")]),
    # a month before its noun, the week and the morning of the story, vague stretches
    ("The March accession and the October vote were delayed.",
     [("March", "1998-03", None, "DATE"), ("October", "1997-10", None, "DATE")]),
    ("Shares rose for the week, though the index fell in the morning.",
     [("the week", "1998-W10", None, "DATE"), ("the morning", "1998-03-04TMO", None, "TIME")]),
    ("The order came early this week, after the farm had been idle for a while; for the first time in years "
     "it bloomed.",
     [("early this week", "1998-W10", "EARLY", "DATE"), ("a while", "PXX", None, "DURATION"),
      ("years", "PXY", None, "DURATION")]),
]


@pytest.mark.parametrize("case", NEWS_CASES, ids=[c[0][:60] for c in NEWS_CASES])
def test_news_and_business_dates(case: tuple) -> None:
    text, expected, *line = case
    assert dated(text, *line) == expected


@pytest.mark.parametrize("name,year,day", [
    ("easter", 1946, "1946-04-21"), ("easter", 2000, "2000-04-23"), ("good friday", 1999, "1999-04-02"),
    ("thanksgiving day", 1999, "1999-11-25"), ("election day", 1998, "1998-11-03"),
    ("memorial day", 2000, "2000-05-29"), ("christmas", 1944, "1944-12-25"),
])
def test_holiday_dates(name: str, year: int, day: str) -> None:
    from etr.dates.forms import holiday_date

    got = holiday_date(name, year)
    assert got is not None and got.isoformat() == day


TELEGRAPHESE_1944 = """893.00/8-3044: Telegram

National Government 29th announced appointment Wu Chung-hsin. Liu arrived Tihwa 3rd for talks; he left on 5th. The 8th War Area held, the 29th Division moved, 4th Cavalry rode north, and Ma finished 2nd.
"""


def test_a_telegrams_bare_day_of_the_month() -> None:
    """Telegraphese writes a day of the month alone ("Government 29th announced", "arrived Tihwa
    3rd for", "on 5th"): the day of the month the telegram is dated in; an ordinal naming a unit
    ("the 8th War Area", "29th Division", "4th Cavalry") or a rank ("finished 2nd") is no date."""
    assert [(t, v) for t, v, _m, _h in tagged_paragraphs(TELEGRAPHESE_1944)] == [
        ("29th", "1944-08-29"), ("3rd", "1944-08-03"), ("5th", "1944-08-05"),
    ]


def test_to_day_under_a_date_line_the_paper_s_foot_gives_the_year_of() -> None:
    """A cutting whose date line has no year ("NANKING, June 24.") and whose foot gives the paper's
    date ("Evening Star, ..., 25 June 1947"): the date line takes its year from the foot, and each
    "to-day" under it is that day (a real cutting, tests/data/real/press/evening_star_...)."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "real" / "press" / "evening_star_1947_soviet_note_sinkiang_border.txt").read_text(encoding="utf-8")
    got = tagged_paragraphs(text)
    assert ("June 24", "1947-06-24", None, "year-inherited") in got
    assert [row for row in got if row[0] == "to-day"] == [("to-day", "1947-06-24", None, "relative")] * 3
    assert [row[0] for row in got] == sorted((row[0] for row in got), key=lambda w: text.index(w))  # in the text's order


def test_to_day_reads_only_from_a_date_line() -> None:
    """A "To-day" after a day named inside a sentence waits for no year with it: it is the
    writer's day, not that one."""
    text = ("Ma appeared at the walls of Kashgar on 13 January. To-day nothing remains of the old walls.\n\n"
            "In April 1934 he left.\n")
    got = tagged_paragraphs(text)
    assert ("13 January", "1934-01-13", None, "year-inherited") in got
    assert not [row for row in got if row[0] == "To-day"]
