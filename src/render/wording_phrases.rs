//! The fixed text of the wording the contract controls (`governing-law`,
//! `commitment`), one table per language, beside [`super::phrases`].

use super::parties::PartyPhrase;
use crate::model::Lang;

/// The intro of one target section.
pub struct SectionIntro {
    /// The intro when the contract gives no commitment for the section
    /// (today's wording); `None`: the section has no intro then.
    pub default: Option<PartyPhrase>,
    /// `{0}` the verb: [`WordingPhrases::shall_meet`] or
    /// [`WordingPhrases::endeavour_to_meet`].
    pub with_verb: PartyPhrase,
}

pub struct WordingPhrases {
    /// `{0}` the law, as one of `law_*` or the contract's text.
    pub governed_by: &'static str,
    pub law_cn: &'static str,
    pub law_sg: &'static str,
    pub law_en_gb: &'static str,
    pub law_us_ny: &'static str,
    /// The `ends-at-close` sentence with the Civil Code cited (`cn` only);
    /// the plain one is [`super::phrases::Phrases::counting_ends_at_close`].
    pub counting_ends_at_close_cn: &'static str,
    pub shall_meet: &'static str,
    pub endeavour_to_meet: &'static str,
    pub response: SectionIntro,
    pub resolution: SectionIntro,
    pub availability: SectionIntro,
    pub fcr: SectionIntro,
    pub csat: SectionIntro,
}

impl WordingPhrases {
    pub fn of(lang: Lang) -> &'static WordingPhrases {
        match lang {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: WordingPhrases = WordingPhrases {
    governed_by: "本协议的订立、效力、解释和履行适用{0}。",
    law_cn: "中华人民共和国法律",
    law_sg: "新加坡共和国法律",
    law_en_gb: "英格兰及威尔士法律",
    law_us_ny: "美国纽约州法律",
    counting_ends_at_close_cn: "以工作日计算的期限，收到服务请求的当日不计入，自次一工作日起算；期限为 N 个工作日的，于第 N 个工作日最后一个服务时段结束之时届满（参照《中华人民共和国民法典》第二百零一条至第二百零三条）。",
    shall_meet: "应达成",
    endeavour_to_meet: "将努力达成",
    response: SectionIntro {
        default: Some(PartyPhrase::new("{provider}将根据服务请求的优先级，努力达成以下响应时间目标：")),
        with_verb: PartyPhrase::new("根据服务请求的优先级，{provider}{0}以下响应时间目标："),
    },
    resolution: SectionIntro {
        default: Some(PartyPhrase::new("{provider}将根据服务请求的优先级，努力达成以下解决时间目标（或提供可接受的临时解决方案）：")),
        with_verb: PartyPhrase::new("根据服务请求的优先级，{provider}{0}以下解决时间目标（或提供可接受的临时解决方案）："),
    },
    availability: SectionIntro {
        default: Some(PartyPhrase::new("{provider}承诺下列服务渠道在规定服务时间内的可用性达到以下目标：")),
        with_verb: PartyPhrase::new("{provider}{0}下列服务渠道在规定服务时间内的以下可用性目标："),
    },
    fcr: SectionIntro {
        default: None,
        with_verb: PartyPhrase::new("{provider}{0}以下首次接触解决率目标："),
    },
    csat: SectionIntro {
        default: None,
        with_verb: PartyPhrase::new("{provider}{0}以下客户满意度目标："),
    },
};

pub static EN: WordingPhrases = WordingPhrases {
    governed_by: "This SLA is governed by and construed in accordance with {0}.",
    law_cn: "the laws of the People’s Republic of China",
    law_sg: "the laws of the Republic of Singapore",
    law_en_gb: "the laws of England and Wales",
    law_us_ny: "the laws of the State of New York",
    counting_ends_at_close_cn: "In a period counted in business days, the day on which the Service Request is received is not counted and the period begins on the next business day; a period of N business days ends at the close of the last span of service hours on the N-th business day (cf. Articles 201 to 203 of the Civil Code of the People’s Republic of China).",
    shall_meet: "shall meet",
    endeavour_to_meet: "shall endeavour to meet",
    response: SectionIntro {
        default: Some(PartyPhrase::new("{Provider} shall endeavour to meet the following response time targets according to the priority of the Service Request:")),
        with_verb: PartyPhrase::new("{Provider} {0} the following response time targets according to the priority of the Service Request:"),
    },
    resolution: SectionIntro {
        default: Some(PartyPhrase::new("{Provider} shall endeavour to meet the following resolution time targets (or to provide an acceptable temporary workaround) according to the priority of the Service Request:")),
        with_verb: PartyPhrase::new("{Provider} {0} the following resolution time targets (or provide an acceptable temporary workaround within them) according to the priority of the Service Request:"),
    },
    availability: SectionIntro {
        default: Some(PartyPhrase::new("{Provider} commits that the following service channels reach the stated availability within their agreed service hours:")),
        with_verb: PartyPhrase::new("{Provider} {0} the following availability targets for its service channels within their agreed service hours:"),
    },
    fcr: SectionIntro {
        default: None,
        with_verb: PartyPhrase::new("{Provider} {0} the following first contact resolution target:"),
    },
    csat: SectionIntro {
        default: None,
        with_verb: PartyPhrase::new("{Provider} {0} the following customer satisfaction target:"),
    },
};
