//! `scope`: the services provided (E010 for an id given twice, E011 when
//! there is none) and the audience (W008 for an entry listed twice).

use super::items::Items;
use super::{text, Checker};
use crate::ast::{self, ScopeLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;

impl Checker<'_> {
    /// The services and the audience of the scope.
    pub(super) fn scope(
        &mut self,
        items: &Items<'_>,
        contract_keyword: Span,
    ) -> (Vec<Service>, Vec<Text>) {
        let mut services = Vec::new();
        let mut audience = Vec::new();
        match items.scope {
            None => self.missing(
                contract_keyword,
                "`scope`",
                "add `scope { service ID \"WHAT\" }` naming the services provided",
            ),
            Some((lines, keyword)) => {
                let mut service_ids = Vec::new();
                let mut audiences: Vec<&ast::Text> = Vec::new();
                for line in lines {
                    match line {
                        ScopeLine::Service { id, label } => {
                            service_ids.push(id);
                            services.push(Service {
                                id: ServiceId(id.node.clone()),
                                label: text(label),
                            });
                        }
                        ScopeLine::Audience { texts, .. } => audiences.extend(texts),
                    }
                }
                self.unique_names("service", service_ids.iter().copied());
                self.unique_entries(
                    "`audience`",
                    audiences
                        .iter()
                        .map(|t| (&t.node, t.span, "this audience".to_string())),
                );
                audience = audiences.iter().map(|t| text(t)).collect();
                if services.is_empty() {
                    self.push(
                        Diagnostic::new(Code::E011, keyword, "the scope names no service")
                            .with_label("no `service` inside")
                            .with_help("add `service ID \"WHAT\"`, such as `service consulting \"产品使用咨询与指导\"`"),
                    );
                }
            }
        }
        (services, audience)
    }
}
