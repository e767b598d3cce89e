//! Reusable pieces of the interface.

pub mod answer_picker;
pub mod backup_panel;
pub mod checklist_section;
pub mod confirm_button;
pub mod conflict_editor;
pub mod draw_panel;
pub mod export_panel;
pub mod field;
pub mod fubiao3_view;
pub mod handling_editor;
pub mod import_panel;
pub mod inspection_status;
pub mod inspector_assignments;
pub mod link_rows;
pub mod lottery_panel;
pub mod nav;
pub mod outcome_alert;
pub mod penalty_editor;
pub mod plan_targets;
pub mod record_page;
pub mod rectification_section;
pub mod safekeeping_notices;
pub mod save_indicator;
pub mod seed_field;
pub mod storage_alert;
pub mod update_banner;
