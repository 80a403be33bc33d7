"""Deals and member lists: contracts, takeovers and consortium members (Agreement nodes).

Contracts name who awards and who delivers ("the Ministry awarded contracts to A and B",
"B won a contract from A", "A selected B to supply ..."): one Contract per contractor.
A takeover ("A acquired B", "B was acquired by A", "A's acquisition of B") is a Contract
between buyer and bought and, once done, ``B PART_OF A``; an announced one ("agreed to
buy") gives the Contract only. Consortium members come as a list in the sentence ("The
consortium comprises A, B and C", "an alliance of A and two other partners: B and C") or
as bulleted lines after a colon. None of these make the parties partners by themselves.
"""

from __future__ import annotations

from qkg.schemas import AgreementKind, EntityType, RelationType

from ..context import ENT, GROUPS, LIST, ORGS, PLACES, Fact, SentView, ids_in
from ..deadline import check
from . import fastre as re
from .agreements import PLACE_MODIFIER, AgreementDraft
from .literals import compile_gated
from .member_lists import MEMBERS, founded_group, readings, subject_lists, unqualified
from .membership import BRINGS_TOGETHER, brought_together
from .words import any_in, may_hold

__all__ = ["DEAL_GATE", "deal_agreements"]

E = EntityType
R = RelationType
K = AgreementKind
_PARTY_TYPES = ORGS | PLACES


#: Substrings one of which a contract, acquisition or member-list sentence contains.
DEAL_GATE = (
    "contract",
    "deal",
    "licen",
    "install",
    "deliver",
    "joint venture",
    "tender",
    "order",
    "merg",
    "select",
    "chose",
    "chosen",
    "picked",
    "tapped",
    "tasked",
    "winner",
    "paid",
    "pays",
    "bidder",
    "deploy",
    "engaged",
    "appointed",
    "hired",
    "enlisted",
    "retained",
    "commission",
    "acqui",
    "bought",
    "buy",
    "purchas",
    "took over",
    "takes over",
    "takeover",
    "snap",
    "scooped",
    "compris",
    "consist",
    "made up of",
    "composed of",
    "together",
    "member",
    "partners",
    "participants",
    "alliance",
    "consorti",
    "coalition",
    "launch",
    "form",
    "found",
    "set up",
    "establish",
    "creat",
    "anchored",
    "involv",
)
#: a gap inside a clause: no other mention, no sentence break, but decimal points ("$13.4 million")
_GAP = r"(?:[^§.;]|\.(?=\d))"
_AUX = r"(?:(?:has|have|had|also|recently|now|just|today|will|would|officially|formally|jointly|been)\s+)*"
_GIVE = compile_gated(
    rf"({LIST})\s+{_AUX}(?:awarded|awards|granted|grants|gave|gives|handed|issued|let|signed)\s+"
    rf"(?:{_GAP}{{0,50}}?\s)?(contracts?|deals?)\b[^§.;]{{0,50}}?\bto\s+(?:the\s+)?({LIST})"
)
#: "§A§ has awarded §B§ a $13.4 million contract", "§A§ gave §B§ a contract to build ...": the
#: taker as the first object, the contract as the second.
_GIVE_TWO = compile_gated(
    rf"({LIST})\s+{_AUX}(?:awarded|awards|granted|grants|gave|gives|handed|issued)\s+(?:the\s+)?({LIST})\s+"
    rf"(?:an?\s+|two\s+|three\s+|several\s+|new\s+)(?:{_GAP}{{0,50}}?\s)?(contracts?|deals?)\b"
)
_WIN = compile_gated(
    rf"({LIST}),?\s+{_AUX}(?:won|wins|secured|secures|landed|lands|scored|scores|received|receives|picked\s+up|clinched|bagged|"
    rf"(?:was|were|has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?awarded|signed|signs|inked)\s+(?:(?:{_GAP}|§\d+§){{0,50}}?\s)?"
    # "won a tender from §B§", "received a $4m order from §B§": work ordered by a client
    r"(contracts?|tenders?|(?:purchase\s+)?orders?)\b"
    rf"[^§.;]{{0,50}}?\b(?:from|by|with)\s+(?:the\s+)?({LIST})"
)
#: a gap that may hold the goods' own mentions ("a §quantum sensing§ payload")
_GOODS_GAP = r"(?:[^§.;]|\.(?=\d)|§\d+§)"
#: the work of a study contract: "ESA tasked A to study ...", "A was commissioned by B to assess ..."
_STUDY = r"(?:study|assess|evaluate|demonstrate|prototype|test|conduct|carry\s+out|perform)"
#: what a selection names besides a task: a supplier's role ("as its hardware supplier", "as the
#: Owner's Representative") or a stage of a programme ("for the second phase", "for Stage B").
_ROLE_OR_PHASE = (
    r"as\s+(?:its|their|the|an?|a\s+key|one\s+of\s+(?:its|the))\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:suppliers?|providers?|vendors?|contractors?|integrators?|manufacturers?|partners?\s+to\s+(?:build|supply|deliver)|"
    r"[Rr]epresentatives?|operators?|developers?)\b"
    # "A has been selected as the winner of B's procurement", "named as the preferred bidder"
    r"|as\s+(?:the\s+|a\s+)?(?:winners?|preferred\s+(?:bidders?|suppliers?|vendors?)|(?:final|prime|main|lead|sole)\s+contractors?)\b"
    r"|for\s+(?:the\s+|its\s+)?(?:(?:first|second|third|next|final|initial)\s+)?(?:phase|stage)\b"
    r"|for\s+(?:[Pp]hase|[Ss]tage)\s+(?:\d|[A-C]\b|I{1,3}\b|one|two|three)"
)
_SELECT = compile_gated(
    rf"({LIST})\s+{_AUX}(?:selected|selects|chose|chooses|chosen|picked|picks|tapped|taps|contracted|contracts|commissioned|commissions|hired|hires|"
    r"tasked|tasks|engaged|engages|appointed|appoints|enlisted|enlists|retained|retains)"
    rf"\s+(?:the\s+)?({LIST})\s+(?:to\s+(?:supply|provide|build|deliver|develop|design|install|manufacture|operate|construct|"
    # "The Commission has selected Airbus to lead a consortium ...": the lead contractor of a study
    r"lead\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:consortium|study|project|team|group)|"
    rf"{_STUDY})\b"
    # "A selected B as its hardware supplier", "A chose B for the second phase of the programme"
    rf"|{_ROLE_OR_PHASE})"
)
#: "DARPA has selected three companies to take part in the project, including A, B and C"
_SELECT_LIST = compile_gated(
    rf"({LIST})\s+{_AUX}(?:selected|selects|chose|chooses|picked|picks|tapped|taps)\s+[^.;]{{0,80}}?\bto\s+"
    rf"(?:participate|take\s+part|join|supply|provide|build|deliver|develop|design|install|manufacture|operate|construct)\b"
    rf"[^§.;]{{0,60}}?(?:including|namely|:)\s+({LIST})"
)
#: "A received a contract to supply the Air Force Research Lab": the client follows the task
_WIN_TO = compile_gated(
    rf"({LIST})\s+{_AUX}(?:won|wins|secured|secures|landed|lands|scored|scores|received|receives|picked\s+up|clinched|bagged|"
    rf"(?:was|were|has\s+been|have\s+been)\s+awarded)\s+(?:{_GAP}{{0,50}}?\s)?contracts?\b[^§.;]{{0,20}}?\bto\s+"
    rf"(?:supply|provide|deliver|support|serve|equip)\s+(?:the\s+)?(?:§\d+§\s+(?=§))?({LIST})"
)
_SELECTED_BY = compile_gated(
    rf"({LIST}),?\s+(?:(?:has|have|had)\s+)?(?:(?:also|now|recently|reportedly)\s+)?(?:was|were|been|is|are)\s+"
    r"(?:(?:also|now|recently|reportedly)\s+)?(?:selected|chosen|picked|tapped|contracted|commissioned|hired|tasked|engaged|appointed|retained)\s+by\s+"
    rf"(?:the\s+)?({LIST}),?\s+(?:to\s+(?:supply|provide|build|deliver|develop|design|install|manufacture|operate|construct|{_STUDY})\b|{_ROLE_OR_PHASE})"
)
#: "The agency signed a €50 million contract with aerospace company B": a contract signed with a
#: described contractor (the kind words before the name are skipped).
_SIGNED_CONTRACT_WITH = compile_gated(
    rf"({LIST})\s+{_AUX}(?:signed|signs|inked|inks|concluded|concludes|finali[sz]ed|placed|places)\s+"
    rf"(?:an?|the|its|two|three|new)\s+(?:{_GOODS_GAP}{{0,50}}?\s)?contracts?\s+with\s+"
    rf"(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){{1,3}}({LIST})"
)
#: "A has inked a deal to deliver a 100-qubit machine to B", "A signed a contract to supply cryostats
#: for B": a deal to supply names its client after the goods.
_DEAL_TO = compile_gated(
    rf"({LIST}),?\s+{_AUX}(?:signed|signs|inked|inks|struck|strikes|sealed|seals|clinched|clinches|closed|"
    r"entered\s+into|won|wins|secured|secures|landed|lands|bagged|received|receives)\s+"
    rf"(?:an?|the|its|two|three|several|new)\s+(?:{_GOODS_GAP}{{0,50}}?\s)?(?:deals?|contracts?|agreements?|orders?)\s+"
    r"to\s+(?:supply|provide|deliver|sell|install|ship|build\s+and\s+deliver)\b"
    rf"{_GOODS_GAP}{{0,80}}?\b(?:to|for|at)\s+(?:the\s+)?({LIST})"
)
#: "A will design the payload under a €12 million contract with B", "Under a contract with B, A will
#: build ...": the contract's two sides around "under". Bare "agreement" (an MOU may be one) is not read.
_UNDER_KIND = (
    r"(?:(?:supply|purchase|procurement|licen[cs]e|licensing|service|services|research|development|R&D)\s+)?"
    r"(?:contracts?|deals?)|(?:supply|purchase|procurement|licen[cs]e|licensing)\s+agreements?"
)
_UNDER = r"\b[Uu]nder\s+(?:an?|the|its|their|a\s+new)\s+"
_UNDER_CONTRACT = (
    compile_gated(
        rf"({LIST})\s+[^§.;]{{0,100}}?{_UNDER}(?:{_GOODS_GAP}{{0,50}}?\s)?(?:{_UNDER_KIND})\s+"
        rf"(?:with|from|signed\s+with|awarded\s+by)\s+(?:the\s+)?({LIST})"
    ),
    compile_gated(
        rf"{_UNDER}(?:{_GOODS_GAP}{{0,50}}?\s)?(?:{_UNDER_KIND})\s+(?:with|from|signed\s+with|awarded\s+by)\s+"
        rf"(?:the\s+)?({LIST}),\s+(?:the\s+)?({LIST})"
    ),
)
#: "A licensed its photonic chip designs to B", "B has licensed technology from A": a licence is a contract.
_LICENSED = compile_gated(
    rf"({LIST})\s+{_AUX}(?:licensed|licenses|licences|licenced|in-licensed|out-licensed)\s+"
    rf"(?:{_GOODS_GAP}{{0,60}}?\s)?(to|from)\s+(?:the\s+)?({LIST})"
)
#: "A will provide B with cloud access to its machines under a three-year contract": a supply, when
#: the sentence names a contract, deal or order.
_PROVIDE_WITH = compile_gated(
    rf"({LIST})\s+{_AUX}(?:provide|provides|provided|supply|supplies|supplied|equip|equips|equipped)\s+"
    rf"(?:the\s+)?({LIST})\s+with\b"
)
_DEAL_WORD = re.compile(r"\b(?:contracts?|deals?|orders?|purchase|procurement|tender)\b")
#: "A has completed the installation of a 127-qubit system at B", "A delivered its first quantum computer
#: to B": a machine delivered to a named client.
_MACHINE = (
    r"(?:computers?|systems?|machines?|processors?|QPUs?|annealers?|testbeds?|devices?|cryostats?|"
    r"refrigerators?|simulators?|System\s+One|System\s+Two)"
)
_INSTALLED_AT = compile_gated(
    rf"({LIST})\s+{_AUX}(?:installed|installs|install|installing|delivered|delivers|delivering|shipped|ships|"
    r"deployed|deploys|deploying|(?:is|are)\s+to\s+(?:install|deliver|deploy)|"
    r"completed\s+(?:the|its)\s+(?:installation|delivery)\s+of)\s+"
    # "its first §quantum computer§": the machine may be a technology's mention
    rf"(?:an?|its|the|their|two|three|first|\d+)\s+{_GOODS_GAP}{{0,60}}?(?:\b{_MACHINE}\b|§(\d+)§(?=[\s,]+(?:at|to)\s))"
    rf"{_GOODS_GAP}{{0,40}}?\s(?:at|to)\s+(?:the\s+)?({LIST})"
)
#: "A has been selected as the winner of the §B§ tender", "A was named preferred bidder in the §B§
#: procurement": the client after the role.
_WINNER_OF = compile_gated(
    rf"({LIST}),?\s+(?:(?:has|have)\s+been|was|were|is|are)\s+(?:\w+ly\s+)?(?:selected|chosen|named|confirmed|picked)\s+as\s+"
    r"(?:the\s+|a\s+)?(?:winners?|preferred\s+(?:bidders?|suppliers?|vendors?)|(?:final|prime|main|lead|sole)\s+contractors?)\s+"
    # the client's own procurement follows ("a §government§'s project" names no contracting party)
    rf"(?:of|for|in)\s+(?:the\s+)?({LIST})\s+(?:[\w-]+\s+){{0,2}}?(?:tenders?|procurements?|contracts?|calls?|competitions?)\b"
)
#: "A paid $10 million to start-up B for the computer", "the purchase of its first machine from B":
#: money paid for goods, and a purchase named as a noun.
_PAID = compile_gated(
    rf"({LIST})\s+{_AUX}(?:paid|pays|will\s+pay)\s+{_GOODS_GAP}{{0,40}}?\bto\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}"
    rf"({LIST})\s+(?:{_GOODS_GAP}{{0,20}}?\s)?for\s+(?:the|its|their|an?)\b"
    # money for a stake is an investment, not a purchase of goods
    r"(?![^.;§]{0,30}?\b(?:stakes?|shares?|equity|interest|holdings?)\b)"
)
_PURCHASE_OF = compile_gated(
    rf"({LIST})\s+[^§.;]{{0,60}}?\b(?:purchase|procurement)\s+of\s+(?:an?|the|its|their|two|three)\s+"
    rf"{_GOODS_GAP}{{0,60}}?(?:\b{_MACHINE}\b|§(\d+)§)[^§.;]{{0,30}}?\bfrom\s+(?:the\s+)?({LIST})"
)
#: words after an acquisition verb that make it a stake or an asset deal, not a takeover
_NOT_TAKEOVER = r"(?!(?:a|an|by|from|in|into|with|for|stakes?|shares?|interest|majority|minority|assets?|part|parts|rights|licen[cs]es?|land|equipment)\b)"
#: "acquired US quantum company X": a place used as a modifier may open the description
_FILLER = rf"(?:§\d+§\s+(?=[a-z]))?(?:{_NOT_TAKEOVER}[\w-]+\s+){{0,3}}?"
#: "§a§, which has a market value of $10bn, today (Monday) agreed to buy ...": a relative clause
#: and a day between the buyer and its verb
_BETWEEN = r"(?:,\s+which(?:\s+[^§,;.()]{1,80}?,)?)?(?:\s+(?:today|yesterday|on\s+[A-Z][a-z]+day)(?:\s+\([A-Z][a-z]+\))?)?"
_DEAL_MODIFIERS = r"(?:(?:previously\s+announced|planned|proposed|pending|recent|all-stock|all-cash|cash-and-stock|\$?[\d.,]+\s*\w*)\s+)*"
_ACQUIRED = compile_gated(
    rf"{ENT}{_BETWEEN}\s+{_AUX}(?:(agreed\s+to|plans\s+to|is\s+set\s+to|is\s+to|will|to|announced\s+plans\s+to|moved\s+to|is\s+buying|is\s+acquiring)\s+)?"
    rf"(?:acquired|acquires|acquire|bought|buys|buy|purchased|purchases|purchase|took\s+over|takes\s+over|take\s+over|"
    rf"snapped\s+up|snaps\s+up|scooped\s+up|(?:is|are)\s+(?:buying|acquiring)|"
    # "completed its acquisition of", "closed the previously announced purchase of", "announced the acquisition of"
    rf"(?:completed|closed|finali[sz]ed|sealed|concluded|announced)\s+(?:the|its|a)\s+{_DEAL_MODIFIERS}(?:acquisition|purchase|takeover)\s+of)\s+"
    # ("acquired §b§'s laser unit": the unit was bought, not §b§)
    rf"{_FILLER}(?:the\s+)?{ENT}(?!')"
)
_CLOSED = re.compile(r"\b(?:completed|closed|finali[sz]ed|sealed|concluded)\b")
#: "§a§'s agreement to acquire §b§", "§a§'s $250 million offer to buy §b§": a takeover agreed, not done.
_AGREEMENT_TO = compile_gated(
    rf"{ENT}['’]s?\s+{_DEAL_MODIFIERS}(?:agreement|deal|plan|move|decision)\s+to\s+"
    rf"(?:acquire|buy|purchase|take\s+over)\s+{_FILLER}(?:the\s+)?{ENT}(?!')"
)
#: "§b§, which §a§ bought last year, makes ...": a takeover told in a relative clause.
_WHICH_BOUGHT = compile_gated(
    rf"{ENT},\s+which\s+(?:the\s+)?{ENT}\s+(?:had\s+|has\s+)?(?:acquired|bought|purchased|took\s+over|snapped\s+up)\b"
)
_ACQUIRED_BY = compile_gated(
    rf"{ENT}(?:,\s+which)?\s+(?:(?:has|have|had)\s+)?(?:(?:was|were|been|is\s+being|will\s+be|agreed\s+to\s+be|agrees\s+to\s+be)\s+)?"
    rf"(?:acquired|bought|purchased|taken\s+over)\s+by\s+"
    rf"{_FILLER}(?:the\s+)?{ENT}"
)
_ACQUISITION_OF = re.compile(
    rf"{ENT}'s?\s+(?:(?:planned|proposed|pending|recent|completed|\$?[\d.,]+\s*\w*)\s+)*(?:acquisition|purchase|takeover)\s+of\s+{_FILLER}(?:the\s+)?{ENT}"
)
#: "§a§ is no newbie, having acquired another §t§ company, §b§ in 2022, and later AI firm §c§":
#: a participle after the main clause says what its subject bought.
_HAVING_ACQUIRED = re.compile(
    rf"{ENT}[^§.;]{{0,80}}?,\s+having\s+(?:already\s+)?(?:acquired|bought|purchased|taken\s+over)\s+([^.;]{{0,200}})"
)
#: "§a§ has grown through deals, such as the acquisition of §b§": a takeover given as an example
#: of the subject's deals.
_DEALS_SUCH_AS = re.compile(
    rf"{ENT}\s+(?:[^§.;]{{0,40}}?\s)?(?:deals|acquisitions|purchases|takeovers|buys)\b[^§.;]{{0,60}}?,?\s+"
    rf"(?:such\s+as|including|like)\s+(?:the|its)\s+(?:acquisition|purchase|takeover)\s+of\s+{_FILLER}(?:the\s+)?{ENT}"
)
#: "In 2024, §a§ announced plans to buy §b§, following its purchase of §t§ startup §c§ in 2023": an
#: earlier takeover told as a sequel by the sentence's subject (the first name, after at most a
#: fronted date or phrase), whatever other names stand between.
_FOLLOWING_ITS = re.compile(
    rf"^[^§]{{0,40}}?§(\d+)§(?!\s*(?:'s?|’s?)\s)[^.;]{{0,200}}?,\s+(?:following|after|on\s+the\s+heels\s+of)\s+its\s+"
    rf"(?:(?:earlier|recent|previous|prior|\$?[\d.,]+\s*\w*)\s+)?(?:acquisition|purchase|takeover)\s+of\s+{_FILLER}(?:the\s+)?{ENT}"
)
#: The names of a list whose items may carry descriptions ("another §t§ company, §b§ in 2022, and
#: later AI technology firm §c§"): each mention that ends a description or stands alone.
_NAMES_AFTER_DESCRIPTIONS = re.compile(
    r"§(\d+)§(?!\s+(?:[a-z][\w-]*\s+){0,2}(?:company|firm|start-?up|maker|developer)\b)"
)
_BUYERS = ORGS - {E.CLUSTER}
_BOUGHT = {E.COMPANY, E.RESEARCH_INSTITUTE}
_MEMBER_CUE = (
    r"(?:comprises|comprising|comprise|consists\s+of|consisting\s+of|(?:is\s+|are\s+)?(?:made\s+up|composed)\s+of|"
    r"brings\s+together|bringing\s+together|brought\s+together|unites|uniting|includes?|included|including|are|were|of)"
)
#: "The consortium comprises A, B and C", "its members include A, B and C", "an alliance of A, B and C"
#: The group nouns that open every match of ``_MEMBER_LIST`` (whole words), for :func:`.words.may_hold`.
_MEMBER_LIST_WORDS = frozenset(
    {"consortium", "consortia", "alliance", "coalition", "partnership", "network", "members", "partners"}
    | {"participants"}
)
_MEMBER_LIST = re.compile(
    rf"\b(?:consorti(?:um|a)|alliance|coalition|partnership|network|members|partners|participants)\b"
    rf"(?:\s+(?:of|in)\s+(?:the\s+)?§\d+§|(?:\s+(?!{_MEMBER_CUE}\b)[a-z][\w-]*){{0,3}}?)"
    # "The consortium, coordinated by §K§, includes A, B and C": the coordinator is a member too
    r"(?:,?\s+(?:coordinated|led|headed|chaired|managed)\s+by\s+(?:the\s+)?(?P<lead>§\d+§),?(?:\s+and)?)?"
    # "The alliance, which includes A, B and C, ...": a relative clause opens the list as well
    r"(?:,?\s+(?:which|that)(?:\s+(?:now|already|also))?)?"
    rf"\s+{_MEMBER_CUE}\s*:?\s+(?:[a-z0-9][\w-]*\s+){{0,2}}?"
    # "a consortium of other companies, including A and B"
    # "consists of 12 partners from six countries, including A, B and C"
    r"(?:(?:companies|firms|partners|organi[sz]ations|institutions|universities|members)(?:\s+[^§.;:]{0,40}?)?,?\s+including\s+)?"
    rf"({MEMBERS})",
    re.I,
)
#: "A leads a consortium of B and C", "A will lead the project with a consortium of ...": the leader
#: is a member too (searched before the list's cue word)
_LEADER_BEFORE = re.compile(
    rf"({LIST})\s+{_AUX}(?:lead|leads|led|heads|headed|coordinates|coordinated|is\s+leading|will\s+lead|"
    # "A is the coordinator of a consortium that also includes B and C"
    r"(?:is|was|will\s+be)\s+(?:the\s+)?(?:coordinator|leader|lead\s+partner|head)\s+of)\b"
    r"[^.;]{0,80}?\b(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}?"
    # "A leads the §Q§ project, whose partners include B and C": the group named, then its members
    r"(?:(?:§\d+§\s+)?[\w-]+,?\s+(?:whose|which|that)\s+(?:also\s+)?)?$"
)
#: "A and B are part of a consortium led by C", "A is a member of the alliance coordinated by C":
#: the members and the group's leader, the group unnamed.
_IN_LED_GROUP = re.compile(
    rf"({LIST})\s+(?:(?:is|are|was|were|will\s+be|have\s+been|has\s+been|also|now)\s+)+"
    r"(?:(?:part|members?|partners?)\s+(?:of|in)|among\s+the\s+(?:members|partners)\s+of)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:consortium|alliance|coalition)\s+"
    rf"(?:led|coordinated|headed|run)\s+by\s+(?:the\s+)?({LIST})"
)
#: "§Cluster§ brings together A, B and C"
_CLUSTER_UNITES = re.compile(
    rf"{ENT}\s+{_AUX}(?:comprises|consists\s+of|is\s+(?:made\s+up|composed)\s+of|brings\s+together|brought\s+together|unites|united|"
    rf"is\s+an?\s+(?:alliance|consortium|coalition|partnership|network)\s+of|involves|(?:is\s+)?anchored\s+by)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?({MEMBERS})"
)
#: "The project, coordinated by §K§, brings together A, B and C": a project's partners (its
#: coordinator too) are a consortium; only verbs that gather several ("brings together", "involves")
_PROJECT_UNITES = re.compile(
    r"\b(?:[Pp]roject|[Pp]rogramme|[Pp]rogram|[Ii]nitiative)\b"
    r"(?:,?\s+(?:coordinated|led|headed|managed)\s+by\s+(?:the\s+)?(?P<lead>§\d+§),?)?"
    r"\s+(?:(?:also|now|will)\s+)?(?:brings?\s+together|unites|gathers|involves|comprises|consists\s+of)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?({MEMBERS})"
)
#: "works with partners including ...": the list is the subject's partners, not one group's members
_WORKS_WITH = re.compile(
    r"\b(?:works?|working|worked|collaborat\w+|cooperat\w+|teams?\s+up|teaming\s+up|teamed\s+up|partners?|partnered|"
    r"partnering)\s+with\s+(?:(?:its|their|the|local|global|industry|industrial|academic|international|key)\s+)*$"
)
#: a sentence that announces a list on the next lines: "The consortium has three members:"
_LIST_INTRO = re.compile(
    r"\b(?:consorti(?:um|a)|alliance|coalition|members|partners|participants)\b[^.]{0,60}:\s*$"
    # "The new schools joining the network are:"
    r"|\b(?:schools|universities|institutions|companies|organi[sz]ations|firms|start-?ups)\s+(?:joining|taking\s+part\s+in|"
    r"participating\s+in)\s+(?:the|this|our)\s+(?:[\w-]+\s+)?(?:network|hub|cluster|centre|center|association)\s+"
    r"(?:are|were|include)\s*:\s*$",
    re.I,
)
_MORE_AFTER_COLON = re.compile(
    rf"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus)\s+(?:\w+\s+)?(?:other|more|further)\b[^:.;]{{0,80}}:\s*({LIST})"
)
#: "§a§ is joined in the consortium by §b§ and §c§", "Joining §a§ in the consortium are §b§ and §c§":
#: the joined and the joining are members alike
_JOINED_IN = re.compile(
    rf"({LIST})\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+joined\s+in\s+(?:the|this|a|its|their)\s+"
    rf"(?:[\w-]+\s+)?(?:consortium|alliance|coalition|partnership)\s+by\s+(?:the\s+)?({LIST})"
    rf"|^\s*(?i:joining)\s+(?:the\s+)?({LIST})\s+in\s+(?:the|this|a|its|their)\s+(?:[\w-]+\s+)?"
    rf"(?:consortium|alliance|coalition|partnership)\s+(?:are|is|were|was|will\s+be)\s+(?:the\s+)?({LIST})"
)
#: a fronted "in addition to" names members the list goes on from: "Besides §a§, the alliance comprises ..."
_BESIDES = re.compile(
    rf"\b(?i:in\s+addition\s+to|besides|alongside|apart\s+from|as\s+well\s+as|along\s+with)\s+(?:the\s+)?({LIST}),\s*"
    r"(?:(?:the|its|their)\s+)?(?=[^§]{0,40}$)"
)
#: a funding round's investors are "participants" or "partners" too; they form no consortium
_ROUND_WORDS = compile_gated(r"\b(?:round|funding|raised|raises|investors?|financing|Series\s+[A-F])\b", re.I)
_ROUND_NOUNS = re.compile(r"(?i:participants|partners)\b")
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d{1,2}[.)])\s*")


#: A list opened as examples ("research centres such as A and B") names a sample of the members.
_SAMPLE = re.compile(r"[^§]*\b(?:such\s+as|like)\s")


def _party(v: SentView, group: str) -> list[str]:
    return list(dict.fromkeys(v.id(i) for i in ids_in(group) if v.type(i) in _PARTY_TYPES))


def _contracts(v: SentView, k: int) -> list[AgreementDraft]:
    """'A awarded contracts to B and C', 'B won a contract from A', 'A selected B to supply ...'."""
    # "signed the contract with US firm §b§": the firm signs, not the place that describes it
    m = PLACE_MODIFIER.sub(lambda x: _modified(v, x), v.masked) if "§ " in v.masked else v.masked
    out: list[AgreementDraft] = []

    def add(givers: list[str], takers: list[str], each: bool, rule: str) -> None:
        takers = [t for t in takers if t not in givers]
        if not givers or not takers:
            return
        groups = [[*givers, t] for t in takers] if each else [[*givers, *takers]]
        out.extend(AgreementDraft(K.CONTRACT, g, [k], rule, 0.8) for g in groups)

    for x in _GIVE.finditer(m):
        add(_party(v, x.group(1)), _party(v, x.group(3)), x.group(2).endswith("s"), "contract-awarded")
    for x in _GIVE_TWO.finditer(m):
        add(_party(v, x.group(1)), _party(v, x.group(2)), True, "contract-awarded")
    for x in _WIN.finditer(m):
        add(_party(v, x.group(3)), _party(v, x.group(1)), True, "contract-won")
    for x in _SELECT.finditer(m):
        add(_party(v, x.group(1)), _party(v, x.group(2)), True, "contract-selected")
    for x in _SELECT_LIST.finditer(m):
        add(_party(v, x.group(1)), _party(v, x.group(2)), True, "contract-selected")
    for x in _WIN_TO.finditer(m):
        add(_party(v, x.group(2)), _party(v, x.group(1)), True, "contract-won")
    for x in _SELECTED_BY.finditer(m):
        add(_party(v, x.group(2)), _party(v, x.group(1)), True, "contract-selected")
    for x in _SIGNED_CONTRACT_WITH.finditer(m):
        add(_orgs(v, x.group(1)), _orgs(v, x.group(2)), True, "contract-signed-with")
    for x in _PAID.finditer(m) if "pa" in m else ():
        add(_orgs(v, x.group(1)), _orgs(v, x.group(2)), True, "contract-paid")
    for x in _PURCHASE_OF.finditer(m) if "of" in m else ():
        if x.group(2) is None or v.type(int(x.group(2))) is E.TECHNOLOGY:
            add(_orgs(v, x.group(1))[:1], _orgs(v, x.group(3))[:1], True, "contract-purchase-of")
    for x in _WINNER_OF.finditer(m):
        add(_orgs(v, x.group(2))[:1], _orgs(v, x.group(1)), True, "contract-winner-of")
    for x in _DEAL_TO.finditer(m):
        add(_orgs(v, x.group(2)), _orgs(v, x.group(1)), True, "contract-deal-to")
    for rx in _UNDER_CONTRACT if "nder" in m else ():
        for x in rx.finditer(m):
            client, contractor = (
                (x.group(2), x.group(1)) if rx is _UNDER_CONTRACT[0] else (x.group(1), x.group(2))
            )
            add(_orgs(v, client)[:1], _orgs(v, contractor)[:1], True, "contract-under")
    for x in _LICENSED.finditer(m) if "licen" in m else ():
        add(_orgs(v, x.group(1)), _orgs(v, x.group(3)), True, "contract-licence")
    for x in _PROVIDE_WITH.finditer(m) if _DEAL_WORD.search(m) else ():
        add(_orgs(v, x.group(2)), _orgs(v, x.group(1)), True, "contract-provide-with")
    for x in _INSTALLED_AT.finditer(m):
        if x.group(2) is None or v.type(int(x.group(2))) is E.TECHNOLOGY:
            add(_orgs(v, x.group(3))[:1], _orgs(v, x.group(1))[:1], True, "contract-installed-at")
    return out


def _modified(v: SentView, x: re.Match[str]) -> str:
    """'§US§ firm §b§' read as '§b§' when a place describes the organisation after it."""
    place, org = int(x.group(1)), int(x.group(2))
    return f"§{org}§" if v.type(place) in PLACES and v.type(org) in ORGS else x.group(0)


def _orgs(v: SentView, group: str) -> list[str]:
    """The organisations of a group: a client or contractor is never a bare place."""
    return list(dict.fromkeys(v.id(i) for i in ids_in(group) if v.type(i) in ORGS))


#: "The Ministry has awarded $60m in contracts to local firms": an awarding body goes on stage
_AWARDS = re.compile(
    rf"({LIST})\s+{_AUX}(?:awarded|awards|granted|grants|handed\s+out|hands\s+out|issued|issues|let)\b{_GAP}{{0,80}}?\bcontracts?\b"
)
_CITEM = r"(?:the\s+)?§\d+§(?:\s+§\d+§)?(?:\s*\([^()§]{0,25}\))?"
_CLIST = rf"{_CITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_CITEM})*"
#: contractors named later without the awarding body: "A and B are among the startups to win contracts",
#: "C scored the largest contract ($3.3m), as did D ($3m) and E"
_TAKERS = (
    re.compile(
        rf"({_CLIST})\s+(?:are|were)\s+among\s+{_GAP}{{0,60}}?\bto\s+(?:score|win|receive|secure|land|get)\s+{_GAP}{{0,30}}?contracts?\b"
    ),
    re.compile(
        rf"({_CLIST}),?\s+(?:{_GAP}{{0,60}}?,\s+)?{_AUX}(?:scored|won|secured|landed|picked\s+up|received|bagged|clinched|got)\s+"
        rf"(?:{_GAP}{{0,40}}?\s)?contracts?\b(?!{_GAP}{{0,50}}?\b(?:from|by|with)\s)"
    ),
    re.compile(rf"\b(?:as\s+did|followed\s+by)\s+({_CLIST})"),
)


#: "N companies have been awarded contracts to build testbeds at the §centre§": the client of the contracts
_CLIENT = re.compile(
    rf"\bcontracts?\s+to\s+(?:build|supply|deliver|develop|install|provide|design|operate)\b(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:at|for|to)\s+(?:the\s+)?({LIST})"
)
#: "The winning companies are:", "The successful bidders are:" (a bulleted list follows)
_WINNERS_INTRO = re.compile(
    r"\b(?:winners|winning\s+\w+|successful\s+\w+|selected\s+\w+|contractors|awardees|recipients)\b[^.]{0,30}:\s*$",
    re.I,
)


def _awarded_later(views: list[SentView], window: int = 6) -> list[AgreementDraft]:
    """Contracts whose awarding body (or client) was named a few sentences before the contractors."""
    out: list[AgreementDraft] = []
    awarder: str | None = None
    last = said = -(10**9)
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        m = v.masked
        low = m.lower()
        if awarder is not None and k - last <= window and _WINNERS_INTRO.search(m):
            # "The winning companies are:" and one bulleted line per contractor
            for j, t in _bulleted(views, k):
                if t != awarder:
                    out.append(
                        AgreementDraft(K.CONTRACT, [awarder, t], [said, j], "contract-winners-list", 0.7)
                    )
            continue
        if "contract" not in low and "as did" not in low:
            continue
        x = _AWARDS.search(m) or _CLIENT.search(m)
        if x:
            # "The Strategic Capabilities Accelerator has awarded ... contracts": a body named like a
            # programme that awards contracts acts as the client
            ps = _party(v, x.group(1)) or [v.id(i) for i in ids_in(x.group(1)) if v.type(i) is E.PROGRAM][:1]
            if ps:
                awarder, last, said = ps[0], k, k
        if awarder is None or k - last > window:
            continue
        for rx in _TAKERS:
            for y in rx.finditer(m):
                for t in _party(v, y.group(1)):
                    if t != awarder and v.type(ids_in(y.group(1))[0]) not in PLACES:
                        out.append(
                            AgreementDraft(K.CONTRACT, [awarder, t], [said, k], "contract-awarded-later", 0.7)
                        )
                        # contractors named sentence after sentence keep the awarding body on stage
                        last = k
    return out


def _bulleted(views: list[SentView], k: int) -> list[tuple[int, str]]:
    """The first organisation of each bulleted line right after sentence ``k``."""
    out: list[tuple[int, str]] = []
    for j in range(k + 1, min(len(views), k + 40)):
        w = views[j]
        if not _BULLET.match(w.sent.text):
            break
        first = w.indices(lambda t: t in ORGS)
        if first:
            out.append((j, w.id(first[0])))
    return out


#: "§X§, a joint venture between §A§ and §B§", "§X§ (a §A§ and §B§ 67/33 joint venture)", "§A§ and §B§
#: formed a joint venture, §X§": the venture belongs to its owners.
_SHARE = r"(?:\d{1,2}(?:/\d{1,2})+\s+|equal\s+|50-50\s+)?"
_JOINT_VENTURES = (
    re.compile(
        rf"{ENT},?\s+(?:an?|the)\s+{_SHARE}joint\s+venture\s+(?:between|of|by|formed\s+by)\s+(?:the\s+)?({LIST})"
    ),
    re.compile(rf"{ENT}\s*\((?:an?|the)\s+({LIST})\s+{_SHARE}joint\s+venture\)"),
    re.compile(
        rf"({LIST})\s+{_AUX}(?:formed|form|set\s+up|created|established|launched|founded)\s+(?:an?\s+|the\s+)?"
        rf"(?:new\s+)?{_SHARE}joint\s+venture,?\s+(?:called\s+|named\s+)?(?:the\s+)?{ENT}"
    ),
)


def _joint_ventures(v: SentView) -> list[Fact]:
    """PART_OF from a joint venture to each of its owners (:data:`_JOINT_VENTURES`)."""
    out: list[Fact] = []
    # the apposition "§X§, a joint venture of §A§ and §B§," is folded into §X§: read it unfolded too
    for n, rx, text in ((n, rx, text) for n, rx in enumerate(_JOINT_VENTURES) for text in readings(v)):
        for x in rx.finditer(text):
            venture, owners = (x.group(2), x.group(1)) if n == 2 else (x.group(1), x.group(2))
            jv = int(venture)
            if v.type(jv) not in _BOUGHT:
                continue
            for o in ids_in(owners):
                if o != jv and v.type(o) in _BUYERS:
                    out.append(Fact(v.id(jv), R.PART_OF, v.id(o), "joint-venture-of", 0.8))
    return out


def _acquisitions(v: SentView, k: int) -> tuple[list[AgreementDraft], list[tuple[int, Fact]]]:
    """A takeover: a Contract between buyer and bought, and (once done) PART_OF bought -> buyer."""
    m = v.masked
    drafts: list[AgreementDraft] = []
    facts: list[tuple[int, Fact]] = []

    def add(buyer: str, bought: str, done: bool) -> None:
        b, t = int(buyer), int(bought)
        if v.type(b) not in _BUYERS or v.type(t) not in _BOUGHT or v.id(b) == v.id(t):
            return
        drafts.append(AgreementDraft(K.CONTRACT, [v.id(b), v.id(t)], [k], "acquisition", 0.8))
        if done:
            facts.append((k, Fact(v.id(t), R.PART_OF, v.id(b), "acquisition", 0.8)))

    for x in _ACQUIRED.finditer(m):
        planned = x.group(2) is not None or re.search(
            r"\b(?:will|would|shall|plans?|agreed|buying|acquiring|proposed|pending|planned)\b|(?<!previously )\bannounced\b",
            x.group(0),
        )
        add(x.group(1), x.group(3), not planned or _CLOSED.search(x.group(0)) is not None)
    for x in _AGREEMENT_TO.finditer(m) if " to " in m else ():
        add(x.group(1), x.group(2), False)
    for x in _WHICH_BOUGHT.finditer(m) if "which" in m else ():
        add(x.group(2), x.group(1), True)
    for x in _ACQUIRED_BY.finditer(m):
        add(x.group(2), x.group(1), not re.search(r"\b(?:will|being|agreed|agrees)\b", x.group(0)))
    for x in _ACQUISITION_OF.finditer(m):
        add(x.group(1), x.group(2), "completed" in x.group(0))
    for x in _HAVING_ACQUIRED.finditer(m) if "having" in m else ():
        for bought in _NAMES_AFTER_DESCRIPTIONS.findall(x.group(2)):
            add(x.group(1), bought, True)
    for x in _DEALS_SUCH_AS.finditer(m) if "such as" in m or "including" in m or "like" in m else ():
        add(x.group(1), x.group(2), True)
    for x in _FOLLOWING_ITS.finditer(m) if " its " in m else ():
        add(x.group(1), x.group(2), True)
    return drafts, facts


#: Mergers: "A merged its quantum unit with B", "A and B agreed to merge", "the merger of A and B",
#: "a merger, with A ... and B ..., uniting", "A and B announced a merger", "A is merging with B".
#: A Contract between the two, no part of either ("A is joining with B to form a new company" stays a
#: partnership, as the clause reader reads it).
_MERGED = re.compile(
    rf"{ENT}\s+(?:(?:has|have|had|will|recently|also)\s+)*(?:merged|merges|merge|combined|combines)\s+"
    rf"(?:(?:its|their)\s+(?:[\w§-]+\s+){{0,3}}?(?:unit|division|business|arm)\s+)?with\s+(?:the\s+)?{ENT}"
    rf"|{ENT}\s+and\s+{ENT}\s+(?:(?:have|has|had|will|recently|also)\s+)*(?:agreed\s+to\s+|plan\s+to\s+)?"
    r"(?:merged|merge|combined|combine)\b"
    # "§a§'s agreement to merge with §b§"
    rf"|{ENT}['’]s?\s+(?:agreement|deal|plan|plans|decision|proposal|offer)\s+to\s+(?:merge|combine)\s+with\s+(?:the\s+)?{ENT}"
    # "§a§ has entered into a letter of intent to merge with SPAC §b§"
    rf"|{ENT}\s+[^§.;]{{0,60}}?\bto\s+(?:merge|combine)\s+with\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+){{0,2}}?{ENT}"
    rf"|\bmerger,?\s+(?:of|between|with)\s+(?:[^§.;]{{0,40}}?)?{ENT}[^§.;]{{0,120}}?\s+(?:and|with)\s+(?:the\s+)?{ENT}"
    # "§a§ and §b§, both European start-ups, announced a merger", "... have completed their merger"
    rf"|{ENT}\s+and\s+(?:the\s+)?{ENT}(?:,(?:[^§.;]|§\d+§(?=\s+[a-z])){{1,80}}?,)?\s+(?:(?:have|has|had|will|recently|also|today|now)\s+)*"
    r"(?:announced|agreed|completed|confirmed|unveiled|finali[sz]ed|closed|sealed)\s+(?:(?:a|an|their|the|plans\s+for\s+a)\s+)?"
    r"(?:(?:planned|proposed|all-stock|all-cash|\$?[\d.,]+\s*\w*)\s+)?merger\b"
    # "§a§ is merging with §t§-based §b§"
    rf"|{ENT}\s+(?:is|are|will\s+be|has\s+been)\s+merging\s+with\s+(?:the\s+)?(?:(?:§\d+§-)?[\w-]+\s+){{0,3}}?{ENT}"
)
_MERGE_PARTIES = ORGS - {E.CLUSTER}


def _mergers(v: SentView, k: int) -> list[AgreementDraft]:
    """A merger of two organisations is a Contract between them."""
    out = []
    for x in _MERGED.finditer(v.masked) if "merg" in v.masked or "combin" in v.masked else ():
        a, b = [int(g) for g in x.groups() if g is not None][:2]
        if v.type(a) in _MERGE_PARTIES and v.type(b) in _MERGE_PARTIES and v.id(a) != v.id(b):
            out.append(AgreementDraft(K.CONTRACT, [v.id(a), v.id(b)], [k], "merger", 0.8))
    return out


def _member_lists(v: SentView, k: int) -> list[AgreementDraft]:
    """Consortium members listed in the sentence: 'The consortium comprises A, B and C'."""
    m = v.masked
    out: list[AgreementDraft] = []
    own = {v.id(i) for i in v.indices(lambda t: t is E.CLUSTER)}
    in_round = _ROUND_WORDS.search(m) is not None
    for rx, text in (
        (rx, text) for rx in (_MEMBER_LIST, _CLUSTER_UNITES, _PROJECT_UNITES) for text in readings(v)
    ):
        g = 2
        if rx is _MEMBER_LIST and not may_hold(text, _MEMBER_LIST_WORDS):
            continue
        for x in rx.finditer(text):
            if in_round and _ROUND_NOUNS.match(x.group(0)):
                continue  # "a round led by A with participants including B and C": investors, no consortium
            if _SAMPLE.match(x.group(g)):
                continue  # "partners are research centres such as A and B": examples, not the membership
            if _WORKS_WITH.search(text, max(0, x.start() - 60), x.start()) and not v.indices(
                lambda t: t in GROUPS
            ):
                continue  # "§K§ works with partners including A and B": a company's partners sign nothing together
            lead = x.groupdict().get("lead")
            # a network listed among the members is one ("... and the Transfer Network"); the
            # clusters named outside the list are the group itself
            listed = set(ids_in(x.group(g)))
            outside = {v.id(i) for i in v.indices(lambda t: t is E.CLUSTER) if i not in listed}
            ps = [p for p in _party(v, (lead or "") + " " + unqualified(x.group(g))) if p not in outside]
            leader = _LEADER_BEFORE.search(text, max(0, x.start() - 200), x.start())
            if leader and not in_round:  # "A leads a consortium of B and C": A is a member too
                ps = list(dict.fromkeys([*(p for p in _party(v, leader.group(1)) if p not in own), *ps]))
            front = _BESIDES.search(text, 0, x.start())
            if front:  # "In addition to §a§, the consortium includes §b§ and §c§": §a§ is a member too
                ps = list(dict.fromkeys([*(p for p in _party(v, front.group(1)) if p not in own), *ps]))
            more = _MORE_AFTER_COLON.match(text, x.end())
            if more:  # "an alliance of A and five other partners in the region: B, C and D"
                ps += [p for p in _party(v, more.group(1)) if p not in own and p not in ps]
            if len(ps) >= 2:
                out.append(AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-list", 0.8))
    for x in _IN_LED_GROUP.finditer(m) if " by " in m else ():
        ps = list(dict.fromkeys(_party(v, x.group(1)) + _party(v, x.group(2))))
        if len(ps) >= 2:
            out.append(AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-led-by", 0.8))
    for text in readings(v) if "oin" in m else ():
        for x in _JOINED_IN.finditer(text):
            ps = [p for p in _party(v, " ".join(g for g in x.groups() if g)) if p not in own]
            if len(ps) >= 2:
                out.append(AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-list", 0.8))
    # "A, B and C have launched the §G§ consortium": the founders of a group are its first members
    for ids in founded_group(v, m):
        ps = [p for p in dict.fromkeys(v.id(i) for i in ids) if p not in own]
        if len(ps) >= 2:
            out.append(AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-founders", 0.7))
    return _widest(out)


def _widest(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """One sentence, one member list: a list read by two phrasings keeps its widest reading."""
    sets = [frozenset(d.parties) for d in drafts]
    return [d for d, s in zip(drafts, sets, strict=True) if not any(s < t for t in sets)]


def _brought_together(v: SentView, k: int) -> list[AgreementDraft]:
    """'The new Hub brings together A, B (and the expertise of C)': its members form a consortium."""
    out = []
    # "Led by A ..., the new Hub brings together a further 12 universities": the leader is a member too
    lead = re.match(rf"\s*(?:Led|Headed|Coordinated)\s+by\s+({LIST})", v.masked)
    leaders = [v.id(i) for i in ids_in(lead.group(1)) if v.type(i) in _PARTY_TYPES] if lead else []
    for x in BRINGS_TOGETHER.finditer(v.masked) if "together" in v.masked else ():
        ps = list(dict.fromkeys(leaders + [v.id(i) for i in brought_together(v, x)]))
        if len(ps) >= 3:
            out.append(AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-brought-together", 0.7))
    return out


def _bulleted_members(views: list[SentView], k: int) -> list[AgreementDraft]:
    """'The consortium has three members:' and then one bulleted line per member."""
    v = views[k]
    if not (_LIST_INTRO.search(v.masked) or _LIST_INTRO.search(v.sent.text)):
        return []  # (the raw text too: "joining the alliance are:" may have had its description resolved)
    own = {v.id(i) for i in v.indices(lambda t: t is E.CLUSTER)}
    ps: list[str] = []
    ks = [k]
    for j in range(k + 1, min(len(views), k + 40)):
        w = views[j]
        if not _BULLET.match(w.sent.text):
            break
        first = w.indices(lambda t: t in _PARTY_TYPES)
        if first:
            ps.append(w.id(first[0]))
            ks.append(j)
    ps = [p for p in dict.fromkeys(ps) if p not in own]
    return [AgreementDraft(K.CONSORTIUM, ps, ks, "consortium-bullets", 0.8)] if len(ps) >= 2 else []


def deal_agreements(views: list[SentView]) -> tuple[list[AgreementDraft], list[tuple[int, Fact]]]:
    """Contracts, acquisitions and consortium member lists of a document, with their facts.

    >>> from qkg.loaders.extract import extract
    >>> from qkg.schemas import Document
    >>> kg = extract(Document.from_text("The consortium comprises Veltra Quantum, Orbion Systems and Kessler University."))
    >>> [(a.kind.value, len(a.parties)) for a in kg.agreements]
    [('Consortium', 3)]
    """
    drafts: list[AgreementDraft] = _awarded_later(views)
    lists, facts = subject_lists(views)
    drafts += [AgreementDraft(K.CONSORTIUM, ps, [k], "consortium-took-part", 0.7) for ps, k in lists]
    for k, v in enumerate(views):
        check()  # the document's time limit, once per sentence
        m = v.masked
        if m.rstrip().endswith(":"):
            drafts += _bulleted_members(views, k)  # its cue may be inside a resolved description
        # the gate reads every reading: "In addition to §a§, the consortium includes §b§ ..." folds
        # its cue into an apposition of §a§
        if not any(any_in(text.lower(), DEAL_GATE) for text in readings(v)):
            continue
        if max(text.count("§") for text in readings(v)) < 4:
            continue  # every other phrasing names two parties
        drafts += _contracts(v, k)
        ds, fs = _acquisitions(v, k)
        drafts += ds
        facts += fs
        if any("joint venture" in text for text in readings(v)):
            facts += [(k, f) for f in dict.fromkeys(_joint_ventures(v))]
        drafts += _member_lists(v, k) + _brought_together(v, k) + _mergers(v, k)
    return drafts, facts
