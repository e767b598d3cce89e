use jiandu::domain::inspector::{validate, AssignmentRole, Inspector, InspectorField};
use jiandu::domain::labelled::Labelled;

use super::at;

fn officer(id: &str, name: &str, number: &str) -> Inspector {
    let mut record = Inspector::new(id.into(), at(2));
    record.name = name.into();
    record.certificate_number = number.into();
    record
}

#[test]
fn name_and_certificate_are_required() {
    let blank = Inspector::new("a".into(), at(2));
    let fields: Vec<_> = validate(&blank, &[]).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![InspectorField::Name, InspectorField::CertificateNumber]
    );
    assert!(validate(&officer("a", "张三", "50000119001"), &[]).is_empty());
}

#[test]
fn a_certificate_number_belongs_to_one_officer() {
    let first = officer("a", "张三", "5000 0119001");
    let second = officer("b", "李四", "50000119001");
    let roster = vec![first.clone(), second.clone()];
    let errors = validate(&second, &roster);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, InspectorField::CertificateNumber);
    assert!(errors[0].message.contains("张三"));
    // A record is not its own duplicate.
    assert!(validate(&first, std::slice::from_ref(&first)).is_empty());
}

#[test]
fn roles_are_the_group_roles_of_the_seed() {
    let labels: Vec<&str> = AssignmentRole::ALL.iter().map(|r| r.label()).collect();
    assert_eq!(labels, ["组长", "副组长", "成员"]);
}
