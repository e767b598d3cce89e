//! One page per route.

pub mod data;
pub mod home;
pub mod inspection;
pub mod inspection_document;
pub mod inspections;
pub mod inspector;
pub mod inspectors;
pub mod institution;
pub mod institutions;
pub mod laws;
pub mod plan;
pub mod plans;
pub mod roster_import;
pub mod stay;
pub mod stay_document;
pub mod stay_register;
pub mod stay_sheet;
pub mod summary;

use leptos::prelude::*;

use crate::route::Route;

/// The page for a route.
pub fn page_for(route: Route) -> AnyView {
    match route {
        Route::Home => home::HomePage().into_any(),
        Route::Plans => plans::PlansPage().into_any(),
        Route::Plan(id) => view! { <plan::PlanPage id=id /> }.into_any(),
        Route::Inspections => inspections::InspectionsPage().into_any(),
        Route::Inspection(id) => view! { <inspection::InspectionPage id=id /> }.into_any(),
        Route::InspectionRecord(id) => view! {
            <inspection_document::InspectionDocumentPage id=id kind=inspection_document::InspectionDocument::OnsiteRecord />
        }
        .into_any(),
        Route::InspectionOpinion(id) => view! {
            <inspection_document::InspectionDocumentPage id=id kind=inspection_document::InspectionDocument::OpinionLetter />
        }
        .into_any(),
        Route::Stay(id) => view! { <stay::StayPage id=id /> }.into_any(),
        Route::StaySheet(id, target) => {
            view! { <stay_sheet::StaySheetPage stay_id=id target=target /> }.into_any()
        }
        Route::StayRegister(id) => view! { <stay_register::StayRegisterPage id=id /> }.into_any(),
        Route::StayFeedback(id) => {
            view! { <stay_document::StayDocumentPage id=id advice=false /> }.into_any()
        }
        Route::StayAdvice(id) => {
            view! { <stay_document::StayDocumentPage id=id advice=true /> }.into_any()
        }
        Route::Summary => summary::SummaryPage().into_any(),
        Route::Institutions => institutions::InstitutionsPage().into_any(),
        Route::Institution(id) => view! { <institution::InstitutionPage id=id /> }.into_any(),
        Route::RosterImport => roster_import::RosterImportPage().into_any(),
        Route::Inspectors => inspectors::InspectorsPage().into_any(),
        Route::Inspector(id) => view! { <inspector::InspectorPage id=id /> }.into_any(),
        Route::Data => data::DataPage().into_any(),
        Route::Laws => view! { <laws::LawsPage /> }.into_any(),
        Route::Law(id) => view! { <laws::LawsPage law=id /> }.into_any(),
        Route::NotFound(path) => view! {
            <h1>"页面不存在"</h1>
            <p>"没有地址为“" {path} "”的页面。"</p>
            <p><a href="#/">"返回首页"</a></p>
        }
        .into_any(),
    }
}
