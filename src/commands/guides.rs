use visitprep::guide::Guide;

pub fn guides(id: Option<&str>) -> Result<(), String> {
    let Some(id) = id else {
        for id in Guide::built_in_ids() {
            if let Some(g) = Guide::built_in(id) {
                println!("{:<22} {}", g.id, g.title);
            }
        }
        println!("\nShow one with: visitprep guides ID, or check a guide file with: visitprep guides FILE");
        return Ok(());
    };
    let (g, _) = super::guide_for_intake(id, super::folder_of(None))?;
    println!("{} ({})\n\n{}\n", g.title, g.id, g.summary);
    if !g.departments.is_empty() {
        println!("Departments: {}\n", g.departments.join(", "));
    }
    println!("Questions the doctor may ask (answer ids):");
    for q in &g.doctor_questions {
        let only = if q.when.pregnant == Some(true) {
            " [in pregnancy]"
        } else {
            ""
        };
        println!("  {:<14} {}{only}", q.id, q.text);
        if !q.hint.is_empty() {
            println!("  {:<14} {}", "", q.hint);
        }
    }
    println!("\nQuestions you may ask:");
    for q in &g.patient_questions {
        println!("  {:<16} {}", q.id, q.text);
    }
    println!("\nBefore you leave home:");
    for c in &g.checklist {
        println!("  {:<18} {}", c.id, c.text);
    }
    if !g.seek_care.is_empty() {
        println!("\nGet care promptly when:");
        for s in &g.seek_care {
            let only = if s.when.pregnant == Some(true) {
                " [in pregnancy]"
            } else {
                ""
            };
            println!("  - {}{only}", s.text);
        }
    }
    if !g.tests.is_empty() {
        println!("\nExaminations and tests:");
        for t in &g.tests {
            println!("  - {}: {}", t.name, t.why);
        }
    }
    if !g.causes.everyday.is_empty() || !g.causes.diseases.is_empty() {
        println!("\nCauses in everyday life:");
        for c in &g.causes.everyday {
            println!("  - {c}");
        }
        println!("\nIllnesses that can cause it:");
        for c in &g.causes.diseases {
            println!("  - {c}");
        }
    }
    if !g.medication_flags.is_empty() {
        println!("\nMedicines that can contribute:");
        for m in &g.medication_flags {
            println!("  - {}: {}", m.class, m.names.join(", "));
        }
    }
    Ok(())
}
